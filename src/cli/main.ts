import { Command } from 'commander';
import { lazyPolicies, loadPolicyFile, type PolicyLookup } from '../policies/load-policy-file.ts';
import { decideCommand } from './commands/decide.ts';
import { reportError } from './report-error.ts';

/** Runs an action and exits with its status; errors become messages, never stack traces. */
function run(action: () => number | Promise<number>): () => Promise<void> {
  return async () => {
    try {
      process.exitCode = await action();
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}

/** The policies named on the command line, by their ids. */
function fixedPolicies(files: string[]): PolicyLookup {
  const byId = new Map(files.map((f) => loadPolicyFile(f)).map((p) => [p.id, p]));
  return { get: (id) => byId.get(id), ids: () => [...byId.keys()] };
}

const program = new Command('loupe')
  .description('Loupe: after-sales policies as data, decided the same way every time')
  .showHelpAfterError();

program
  .command('decide')
  .description('decide cases (one JSON case, or JSON Lines) from FILE or stdin; one decision per line')
  .argument('[file]', 'a file of cases, or - for stdin', '-')
  .option('--explain', 'print a short explanation for people instead of JSON')
  .option('--policy <file...>', 'decide with these policy files instead of the bundled ones')
  .action((file: string, opts: { explain?: boolean; policy?: string[] }) =>
    run(() =>
      decideCommand(file, {
        explain: opts.explain,
        policies: opts.policy ? fixedPolicies(opts.policy) : lazyPolicies(),
      }),
    )(),
  );

await program.parseAsync(process.argv);
