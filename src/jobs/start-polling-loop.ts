/** A running loop: `stop` ends it and waits for the run in progress. */
export type PollingLoop = { stop(): Promise<void> };

/**
 * Runs `run` at once, then again `intervalMs` after each run ends, never two
 * at a time; a run that fails is handed to `onError` and the loop goes on.
 * `run` is told whether the loop was stopped meanwhile, so a long run can end
 * early. The timers do not keep the process alive.
 */
export function startPollingLoop(
  run: (stopped: () => boolean) => Promise<void>,
  intervalMs: number,
  onError?: (error: unknown) => void,
): PollingLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = run(() => stopped).catch((error: unknown) => onError?.(error));
    running.then(() => {
      if (!stopped) timer = setTimeout(tick, intervalMs).unref();
    });
  };
  timer = setTimeout(tick, 0).unref();
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
