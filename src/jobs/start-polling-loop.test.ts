import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startPollingLoop } from './start-polling-loop.ts';

describe('a polling loop', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs at once, then again an interval after each run has ended, never two runs at a time', async () => {
    const started: number[] = [];
    let finish: (() => void) | undefined;
    const loop = startPollingLoop(async () => {
      started.push(Date.now());
      await new Promise<void>((resolve) => (finish = resolve));
    }, 1_000);
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toHaveLength(1);
    // The first run is still going: however long, no second one starts.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toHaveLength(1);
    finish?.();
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toHaveLength(2);
    finish?.();
    await loop.stop();
  });

  it('hands a failing run to onError and goes on', async () => {
    const errors: unknown[] = [];
    let runs = 0;
    const loop = startPollingLoop(
      async () => {
        runs++;
        if (runs === 1) throw new Error('the database went away');
      },
      100,
      (error) => errors.push(error),
    );
    await vi.advanceTimersByTimeAsync(250);
    expect(errors.map((e) => (e as Error).message)).toEqual(['the database went away']);
    expect(runs).toBe(3);
    await loop.stop();
  });

  it('stops: waits for the run in progress, tells it it was stopped, and runs no more', async () => {
    let finish: (() => void) | undefined;
    const seen: boolean[] = [];
    let runs = 0;
    const loop = startPollingLoop(async (stopped) => {
      runs++;
      await new Promise<void>((resolve) => (finish = resolve));
      seen.push(stopped());
    }, 100);
    await vi.advanceTimersByTimeAsync(0);
    let ended = false;
    const stopping = loop.stop().then(() => {
      ended = true;
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(ended).toBe(false);
    finish?.();
    await stopping;
    expect(seen).toEqual([true]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toBe(1);
  });
});
