import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

/** Writes probe files that break a rule, runs the real layer check on the first, and removes them. */
async function checkProbe(path: string, source: string, more: Record<string, string> = {}): Promise<{ failed: boolean; output: string }> {
  writeFileSync(path, source);
  for (const [other, text] of Object.entries(more)) {
    writeFileSync(other, text);
  }
  try {
    const { stdout } = await run('npx', ['depcruise', '--config', '.dependency-cruiser.cjs', path], { encoding: 'utf8' });
    return { failed: false, output: stdout };
  } catch (error) {
    const e = error as { stdout?: string; code?: number };
    return { failed: true, output: e.stdout ?? '' };
  } finally {
    for (const file of [path, ...Object.keys(more)]) {
      rmSync(file, { force: true });
    }
  }
}

describe('layer rules (docs/architecture.md)', () => {
  it('fail when main/ imports electron', async () => {
    const r = await checkProbe('main/zz-layer-probe.ts', "import { app } from 'electron';\nexport const probe = app;\n");
    expect(r.failed).toBe(true);
    expect(r.output).toContain('main-no-electron');
  });

  it('fail when renderer/ imports main/', async () => {
    const r = await checkProbe('renderer/zz-layer-probe.ts', "export { localDataDir } from '../main/paths.ts';\n");
    expect(r.failed).toBe(true);
    expect(r.output).toContain('renderer-only-domain');
  });

  it('fail when domain/ imports a node built-in', async () => {
    const r = await checkProbe('domain/zz-layer-probe.ts', "import { readFileSync } from 'node:fs';\nexport const probe = readFileSync;\n");
    expect(r.failed).toBe(true);
    expect(r.output).toContain('domain-no-node');
  });

  it('fail when server/ imports main/', async () => {
    const r = await checkProbe('server/zz-layer-probe.ts', "export { localDataDir } from '../main/paths.ts';\n");
    expect(r.failed).toBe(true);
    expect(r.output).toContain('server-not-desktop');
  });

  it('fail when the offline export verifier imports server code', async () => {
    const r = await checkProbe('server/cli/audit-verify-export.zz-probe.ts', "export { sha256 } from '../audit/sha256.ts';\n");
    expect(r.failed).toBe(true);
    expect(r.output).toContain('export-verifier-stands-alone');
  });

  it('fail when two modules import each other', async () => {
    const r = await checkProbe('main/zz-cycle-probe-a.ts', "export { b } from './zz-cycle-probe-b.ts';\nexport const a = 1;\n", {
      'main/zz-cycle-probe-b.ts': "export { a } from './zz-cycle-probe-a.ts';\nexport const b = 2;\n",
    });
    expect(r.failed).toBe(true);
    expect(r.output).toContain('no-circular');
  });

  it('pass for an import the rules allow', async () => {
    const r = await checkProbe('main/zz-layer-probe.ts', "export { ERROR_CODES } from '../domain/errors.ts';\n");
    expect(r).toMatchObject({ failed: false });
  });
});
