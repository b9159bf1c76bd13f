// End-to-end tests: the built server on a fresh database, driven through Debian's Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two files at a time: each starts its own server on its own database (harness.ts) and spends
    // most of its time waiting for the browser and the network, so two share a 2-core machine well
    // (on PostgreSQL the whole run took 615 s one file at a time in CI, and 378 and 388 s two at a
    // time on the same 2-core machine, 4 minutes of CPU in 6). More would crowd the cores.
    fileParallelism: true,
    maxWorkers: 2,
    // A poll waits for what a user would wait for; one second (the default) is too short for a
    // write and its page refresh on a busy CI machine, and a poll that passes returns at once.
    expect: { poll: { timeout: 10_000 } },
  },
});
