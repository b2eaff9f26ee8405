import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { cruise, folderCycles } from '../../scripts/folder-cycles.ts';

describe('no folder imports itself through other folders (scripts/folder-cycles.ts)', () => {
  it('holds for every folder, server/ included', async () => {
    expect(folderCycles(await cruise())).toEqual([]);
  });

  it('fails for two folders that import each other through different modules, which no-circular lets through', async () => {
    const [a, b] = ['main/zz-folder-probe-a', 'main/zz-folder-probe-b'];
    mkdirSync(a);
    mkdirSync(b);
    try {
      writeFileSync(`${a}/first.ts`, "export { b } from '../zz-folder-probe-b/middle.ts';\n");
      writeFileSync(`${b}/middle.ts`, "import { c } from '../zz-folder-probe-a/last.ts';\nexport const b = c + 1;\n");
      writeFileSync(`${a}/last.ts`, 'export const c = 1;\n');
      await expect(promisify(execFile)('npx', ['depcruise', '--config', '.dependency-cruiser.cjs', a, b])).resolves.toBeDefined();
      expect(folderCycles(await cruise([a, b]))).toEqual([{
        folders: [a, b],
        imports: [`${a}/first.ts → ${b}/middle.ts`, `${b}/middle.ts → ${a}/last.ts`],
      }]);
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });
});
