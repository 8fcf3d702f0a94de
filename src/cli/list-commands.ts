import type { Command } from 'commander';

/**
 * Every command the program runs, sub-commands included, one line each
 * (`loupe db migrate  apply the migrations …`), for the end of `loupe --help`.
 */
export function listCommands(program: Command): string {
  const leaves: [string, string][] = [];
  const walk = (command: Command, prefix: string) => {
    for (const sub of command.commands) {
      if (sub.name() === 'help') continue;
      const name = `${prefix} ${sub.name()}`;
      if (sub.commands.length > 0) walk(sub, name);
      else leaves.push([`${name} ${sub.usage().replace(/^\[options\]\s*/, '')}`.trim(), sub.description()]);
    }
  };
  walk(program, program.name());
  const width = Math.max(...leaves.map(([usage]) => usage.length));
  return ['', 'Every command:', ...leaves.map(([usage, what]) => `  ${usage.padEnd(width)}  ${what}`)].join('\n');
}
