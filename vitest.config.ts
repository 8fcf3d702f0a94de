import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // A poll waits for something the app does on its own time (a page rendering after a look-up, a job
    // sweeping the outbox). On a loaded two-core CI machine, with browser tests beside the rest, that has
    // taken over 15 s, not vitest's default 1 s; a poll still fails when the awaited thing never comes.
    expect: { poll: { timeout: 30_000 } },
  },
});
