// Runs a program to its end, timing it, its stderr shown as progress; for a
// Node program, also its peak resident memory, which the child reports itself.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** How a child run ended: its exit status, stdout, wall time and (for Node) peak RSS in bytes. */
export type ChildRun = { status: number | null; stdout: string; seconds: number; maxRssBytes: number | undefined };

/**
 * Preloaded into the Node child (`--import`): at exit it writes
 * `process.resourceUsage().maxRSS` (KiB, the kernel's high-water mark of its
 * resident set, VmHWM) to the file named by LOUPE_BENCH_MAX_RSS_FILE.
 */
const REPORT_MAX_RSS = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from 'node:fs';
   process.on('exit', () => {
     const file = process.env.LOUPE_BENCH_MAX_RSS_FILE;
     if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
   });`,
)}`;

/** Runs `program args`; with `node: true`, runs `node args` and reads back its peak RSS. */
export function runChild(
  program: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; node?: boolean; label: string },
): Promise<ChildRun> {
  const rssFile = path.join(os.tmpdir(), `loupe-bench-rss-${process.pid}-${Date.now()}`);
  const env = { ...(options.env ?? process.env), ...(options.node ? { LOUPE_BENCH_MAX_RSS_FILE: rssFile } : {}) };
  const argv = options.node ? ['--import', REPORT_MAX_RSS, ...args] : args;
  const started = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(options.node ? process.execPath : program, argv, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n')) if (line.trim()) process.stderr.write(`  ${options.label}: ${line}\n`);
    });
    child.once('error', reject);
    child.once('close', (status) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let maxRssBytes: number | undefined;
      if (options.node) {
        try {
          maxRssBytes = Number(readFileSync(rssFile, 'utf8')) * 1024;
        } catch {
          maxRssBytes = undefined;
        }
        rmSync(rssFile, { force: true });
      }
      resolve({ status, stdout, seconds, maxRssBytes });
    });
  });
}
