// End-to-end tests: the built server on a fresh database, driven through Debian's Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A poll waits for what a user would wait for; one second (the default) is too short for a
    // write and its page refresh on a busy CI machine, and a poll that passes returns at once.
    expect: { poll: { timeout: 10_000 } },
  },
});
