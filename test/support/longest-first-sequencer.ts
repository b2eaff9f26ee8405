/**
 * Vitest's order, except that the files known to run longest start first. Vitest itself starts the files that
 * took longest last time, but a fresh clone (CI) has no such record and falls back to the largest files first,
 * which can leave a short file of many property worlds to start last and run on alone after everything else.
 * The list is measured (`npx vitest run --reporter=json`); a file missing from it is merely scheduled as
 * vitest would, so the list being out of date costs time, never coverage.
 */
import { relative } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The test files that ran longest, longest first: one full run, 2026-12-06 (second session), 3 forks on a
 * 2-core machine, re-ordered after the bootstrap differential read the agency directory 20 at a time (it had
 * run 354 s and 244 s; alone it now runs 26 s on each dialect).
 */
export const LONGEST_FILES: readonly string[] = [
  'test/fault/sync-faults.test.ts',
  'test/property/access-api-differential.test.ts',
  'test/property/sync-history.test.ts',
  'test/server/seed-demo-data.test.ts',
  'test/property/access-differential.test.ts',
  'test/property/bootstrap-differential-sqlite.test.ts',
  'test/property/bootstrap-differential-postgres.test.ts',
  'test/server/audit-chain.test.ts',
  'test/server/bad-input.test.ts',
  'test/server/audit-cli.test.ts',
  'test/server/audit-group-commit.test.ts',
  'test/server/audit-log.test.ts',
  'test/server/audit-export-proofs.test.ts',
  'test/layers/layer-rules.test.ts',
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => {
      const index = LONGEST_FILES.indexOf(relative(file.project.config.root, file.moduleId).replaceAll('\\', '/'));
      return index === -1 ? LONGEST_FILES.length : index;
    };
    // Array sort is stable: the files not in the list keep vitest's order after the listed ones.
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
