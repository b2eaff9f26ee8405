/** The scheduling of test files: the listed longest files first, in the list's order, everything else as vitest would. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestSpecification } from 'vitest/node';
import { LONGEST_FILES, LongestFirstSequencer } from './longest-first-sequencer.ts';

const root = process.cwd();
const project = { name: '', config: { root, sequence: { groupOrder: 0 }, isolate: true } };
/** Vitest's state on a fresh clone: no durations recorded, only file sizes. */
const freshClone = (sizes: Record<string, number>) => ({
  config: { root },
  cache: { getFileTestResults: () => undefined, getFileStats: (key: string) => ({ size: sizes[key.slice(1)] ?? 0 }) },
});
const spec = (file: string) => ({ project, moduleId: join(root, file) }) as unknown as TestSpecification;

describe('longest files first', () => {
  it('lists only test files that exist, each once', () => {
    expect(LONGEST_FILES.filter((file) => !existsSync(join(root, file)) || !file.endsWith('.test.ts'))).toEqual([]);
    expect(new Set(LONGEST_FILES).size).toBe(LONGEST_FILES.length);
  });

  it('starts the listed files first in the list order, then the rest largest first as vitest does', async () => {
    const [first, second, third] = LONGEST_FILES as [string, string, string];
    const sizes = { 'renderer/large.test.tsx': 9_000, 'domain/small.test.ts': 10, 'server/middle.test.ts': 500, [first]: 1, [second]: 2, [third]: 3 };
    const files = ['domain/small.test.ts', third, 'renderer/large.test.tsx', second, 'server/middle.test.ts', first];
    const sorted = await new LongestFirstSequencer(freshClone(sizes) as never).sort(files.map(spec));
    expect(sorted.map((s) => s.moduleId.slice(root.length + 1)))
      .toEqual([first, second, third, 'renderer/large.test.tsx', 'server/middle.test.ts', 'domain/small.test.ts']);
  });
});
