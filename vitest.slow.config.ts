import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** `npm run test:slow`: the suites that take minutes; `.ci/run` runs them after `npm test`. */
export default defineConfig({
  test: {
    include: ['test/**/*.slow.test.ts'],
    // One test file per core (vitest's default leaves one core idle; most of our time is in
    // child processes, which the main core does not need to wait on).
    maxWorkers: availableParallelism(),
    reporters: ['default', './test/reporters/closing-line.ts'],
    testTimeout: 120_000,
  },
});
