import { Command } from 'commander';
import { lazyPolicies, loadPolicyFile, type PolicyLookup } from '../policies/load-policy-file.ts';
import { decideCommand } from './commands/decide.ts';
import { policyLintCommand } from './commands/policy-lint.ts';
import { policyRenderCommand } from './commands/policy-render.ts';
import { policySchemaCommand } from './commands/policy-schema.ts';
import { policyTestCommand } from './commands/policy-test.ts';
import { listCommands } from './list-commands.ts';
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

const policy = program.command('policy').description('work with policy files');

policy
  .command('render')
  .description("write a policy's customer-facing page, generated from its data")
  .argument('<file>', 'a policy file (YAML)')
  .option('--format <format>', 'md or html', 'md')
  .action((file: string, opts: { format: string }) => run(() => policyRenderCommand(file, opts))());

policy
  .command('lint')
  .description('check policy files: schema, names, windows, quotes, clauses that never apply or disagree')
  .argument('<file...>', 'policy files (YAML)')
  .option('--source-dir <dir>', 'folder of the shops’ pages named by source.file (default: ../shared/seeds)')
  .action((files: string[], opts: { sourceDir?: string }) => run(() => policyLintCommand(files, opts))());

policy
  .command('test')
  .description('decide the worked examples kept in policy files and compare with what they expect')
  .argument('<file...>', 'policy files (YAML)')
  .action((files: string[]) => run(() => policyTestCommand(files))());

policy
  .command('schema')
  .description('print the policy format as JSON Schema, for editors')
  .action(() => run(() => policySchemaCommand())());

program
  .command('openapi')
  .description('print the API as OpenAPI 3.1 JSON, for generating clients')
  .action(() => run(async () => (await import('./commands/openapi.ts')).openApiCommand())());

program
  .command('serve')
  .description('serve the HTTP API and policy pages with the bundled policies')
  .option('--port <port>', 'port to listen on (default: $PORT or 3000)')
  .option('--host <host>', 'address to listen on (default: $HOST or 0.0.0.0)')
  // Loaded on use, so other commands do not pay for starting the HTTP stack.
  .action((opts: { port?: string; host?: string }) =>
    run(async () => (await import('./commands/serve.ts')).serveCommand(opts))(),
  );

const db = program
  .command('db')
  .description('the database: PostgreSQL at DATABASE_URL, else PGlite in LOUPE_DATA_DIR or ./data');

db.command('migrate')
  .description('apply the migrations the database has not seen, and list them')
  .option('--url <url>', 'a PostgreSQL connection URL (default: $DATABASE_URL)')
  .option('--data-dir <dir>', 'a PGlite data folder (default: $LOUPE_DATA_DIR or ./data)')
  // Loaded on use, like serve: the database drivers are not needed by other commands.
  .action((opts: { url?: string; dataDir?: string }) =>
    run(async () => (await import('./commands/db-migrate.ts')).dbMigrateCommand(opts))(),
  );

const demo = program.command('demo').description('demo data: the bundled shops with orders and cases');

demo
  .command('seed')
  .description('add demo orders that walk every path of each policy, and open cases for some (again: adds nothing)')
  .option('--url <url>', 'a PostgreSQL connection URL (default: $DATABASE_URL)')
  .option('--data-dir <dir>', 'a PGlite data folder (default: $LOUPE_DATA_DIR or ./data)')
  .option('--reference <instant>', 'the demo\'s "now": requests are made in the days before it (default: now)')
  .option('--seed <seed>', 'names and products are drawn from this seed (default: loupe)')
  .action((opts: { url?: string; dataDir?: string; reference?: string; seed?: string }) =>
    run(async () => (await import('./commands/demo-seed.ts')).demoSeedCommand(opts))(),
  );

const importData = program.command('import').description("bring a shop's data in from its platform");

importData
  .command('orders')
  .description(
    'import Shopify orders (order JSON, JSON Lines or the export CSV) into --shop ID, new or updated by number; exit 1: some failed, 2: unreadable file or unknown shop',
  )
  .usage('<file> --shop <id>')
  .argument('<file>', 'the file, or - for stdin')
  .option('--shop <id>', 'the shop the orders belong to (required)')
  .option(
    '--format <format>',
    'json (one order, an array, {"orders": [...]} or JSON Lines), jsonl or csv (default: by extension)',
  )
  .option('--url <url>', 'a PostgreSQL connection URL (default: $DATABASE_URL)')
  .option('--data-dir <dir>', 'a PGlite data folder (default: $LOUPE_DATA_DIR or ./data)')
  .addHelpText(
    'after',
    '\nExit status: 0 when every order was imported; 1 when some failed (listed with their lines, the others imported);\n2 when the file cannot be read or the shop is unknown.',
  )
  // Loaded on use, like serve: the database drivers are not needed by other commands.
  .action((file: string, opts: { shop?: string; format?: string; url?: string; dataDir?: string }) =>
    run(async () => (await import('./commands/import-orders.ts')).importOrdersCommand(file, opts))(),
  );

program.addHelpText('after', () => listCommands(program));

await program.parseAsync(process.argv);
