import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/reporters/closing-line.ts'],
    // CLI tests spawn node on dist/; give them room on a 2-core machine.
    testTimeout: 30_000,
  },
});
