import cliProgress from 'cli-progress';
import type { ImportProgress } from '../services/import-shopify-orders.ts';

/** Shows how far an import is: `update` as it goes, `stop` at the end. */
export type ProgressReporter = { update(progress: ImportProgress, bytes: number): void; stop(): void };

/** On a terminal, a plain line this often at most. */
const PLAIN_EVERY_MS = 5000;

/**
 * A progress bar on stderr when it is a terminal (by bytes of the file when
 * its size is known), else a plain line every few seconds, so logs and CI
 * output stay readable. Nothing goes to stdout, which holds the summary.
 */
export function importProgress(
  stream: NodeJS.WriteStream,
  totalBytes: number | undefined,
  now: () => number = Date.now,
): ProgressReporter {
  if (stream.isTTY && totalBytes !== undefined) {
    const bar = new cliProgress.SingleBar(
      {
        stream,
        format:
          'importing |{bar}| {percentage}% | {read} orders: {created} created, {updated} updated, {failed} failed',
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(Math.max(totalBytes, 1), 0, { read: 0, created: 0, updated: 0, failed: 0 });
    return {
      update: (progress, bytes) => bar.update(Math.min(bytes, totalBytes), progress),
      stop: () => {
        bar.update(Math.max(totalBytes, 1));
        bar.stop();
      },
    };
  }
  let last = now();
  return {
    update(p, bytes) {
      if (now() - last < PLAIN_EVERY_MS) return;
      last = now();
      const share = totalBytes ? `, ${Math.floor((100 * bytes) / totalBytes)}% of the file` : '';
      stream.write(
        `loupe: ${p.read} orders read (${p.created} created, ${p.updated} updated, ${p.failed} failed${share})\n`,
      );
    },
    stop() {},
  };
}
