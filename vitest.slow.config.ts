import { defineConfig } from 'vitest/config';

/** `npm run test:slow`: the suites that take minutes; `.ci/run` runs them after `npm test`. */
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.ts'],
    // One file at a time: these suites start threads and processes of their own, and some
    // (fuzzing's per-case limit, interruptions timed against an undisturbed run) measure time,
    // which two of them side by side on two cores would distort.
    fileParallelism: false,
    reporters: ['default', './test/reporters/closing-line.ts'],
    testTimeout: 120_000,
  },
});
