import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './test/support/longest-first-sequencer.ts';

export default defineConfig({
  test: {
    include: ['{domain,db,server,main,electron,renderer,scripts,test}/**/*.test.{ts,tsx}'],
    exclude: ['node_modules/**', 'dist/**', 'test/e2e/**'],
    environment: 'node',
    setupFiles: ['test/support/vitest-setup.ts'],
    // Once per run: the migrated database templates server suites start from (test/support/migrated-templates.ts).
    globalSetup: ['test/support/vitest-global-setup.ts'],
    // The files known to run longest start first, so none of them is left to run on alone at the end.
    sequence: { sequencer: LongestFirstSequencer },
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Server suites each create their own PostgreSQL database, so files may run in parallel.
    fileParallelism: true,
    // Vitest's default (cores - 1) leaves a 2-core machine running one file at a time, while most suites
    // wait on SQLite, PostgreSQL, the keychain or a local server; three side by side keep both cores busy.
    maxWorkers: Math.max(3, availableParallelism() - 1),
  },
});
