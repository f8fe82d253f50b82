import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The slow suites (interruptions at random moments, fault injection, fuzzing, the browser,
    // every command of the docs, the shipped studies) run with `npm run test:slow`.
    exclude: ['test/**/*.slow.test.ts', '**/node_modules/**'],
    // One test file per core (vitest's default leaves one core idle; most of our time is in
    // child processes, which the main core does not need to wait on).
    maxWorkers: availableParallelism(),
    reporters: ['default', './test/reporters/closing-line.ts'],
    // CLI tests spawn node on dist/; give them room on a 2-core machine.
    testTimeout: 30_000,
  },
});
