// End-to-end tests: the built server on a fresh database, driven through Debian's Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // One file at a time. Two at a time (each has its own server and database) took the run from
    // 615 to 366–388 s on a 2-core machine, but under that load a race in the meeting room showed
    // (fixed) and the next flake would stop a landing; two would also need ports that cannot be
    // handed to both (freePort closes what it found).
    fileParallelism: false,
    // A poll waits for what a user would wait for; one second (the default) is too short for a
    // write and its page refresh on a busy CI machine, and a poll that passes returns at once.
    expect: { poll: { timeout: 10_000 } },
  },
});
