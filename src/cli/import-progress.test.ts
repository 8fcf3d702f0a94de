import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { importProgress } from './import-progress.ts';

/** A stderr that keeps what is written, a terminal or not. */
function stderr(isTTY: boolean) {
  let text = '';
  const stream = new Writable({
    write(chunk, _encoding, done) {
      text += chunk;
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 120 });
  return { stream, text: () => text };
}

const at = (read: number, failed = 0) => ({ read, created: read - failed, updated: 0, failed });

describe('importProgress', () => {
  it('writes a plain line at most every 5 seconds when stderr is not a terminal, with the share of the file read', () => {
    const err = stderr(false);
    let clock = 0;
    const progress = importProgress(err.stream, 1000, () => clock);
    progress.update(at(10), 100);
    clock = 4999;
    progress.update(at(40), 400);
    clock = 5000;
    progress.update(at(50, 1), 500);
    progress.stop();
    expect(err.text()).toBe('loupe: 50 orders read (49 created, 0 updated, 1 failed, 50% of the file)\n');
  });

  it('draws a bar by bytes of the file on a terminal', () => {
    const err = stderr(true);
    const progress = importProgress(err.stream, 1000);
    progress.update(at(50, 1), 500);
    progress.stop();
    expect(err.text()).toContain('100% | 50 orders: 49 created, 0 updated, 1 failed');
  });
});
