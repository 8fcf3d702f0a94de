import { setImmediate } from 'node:timers/promises';

/**
 * Lets the event loop take in I/O (new HTTP requests above all) before the
 * next unit of background work. PGlite runs each query synchronously behind a
 * promise, so a loop of queries on it is one unbroken chain of microtasks:
 * without a pause, a burst of mail delivery held back every new request until
 * it ended (1 to 2 s at a time in the desk benchmark, with requests already
 * inside the server answered in under 200 ms).
 */
export function yieldToEventLoop(): Promise<void> {
  return setImmediate();
}
