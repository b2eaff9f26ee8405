/** Unit tests: the Electron-ABI SQLite addon is chosen only under Electron, and only when it exists. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BINDING_FILE, ELECTRON_BINDING_DIR, resolveSqliteBinding } from './sqlite-binding.ts';

const projectCopy = join('/app', 'node_modules', '.casebridge-electron', 'better_sqlite3.node');
const resourcesCopy = join('/opt/Casebridge/resources', 'better_sqlite3.node');
const on = (...paths: string[]) => (path: string) => paths.includes(path);

describe('resolveSqliteBinding', () => {
  it('leaves Node on the default build even when an Electron copy exists', () => {
    expect(resolveSqliteBinding({ versions: { node: '20.19.0' }, projectRoot: '/app', override: '/x.node', exists: on(projectCopy) })).toBeUndefined();
  });

  it('uses the Electron copy in the project, then the one in resources, under Electron', () => {
    const versions = { node: '22.20.0', electron: '45.4.1' };
    expect(resolveSqliteBinding({ versions, projectRoot: '/app', resourcesPath: '/opt/Casebridge/resources', exists: on(projectCopy, resourcesCopy) })).toBe(projectCopy);
    expect(resolveSqliteBinding({ versions, projectRoot: '/app', resourcesPath: '/opt/Casebridge/resources', exists: on(resourcesCopy) })).toBe(resourcesCopy);
  });

  it('falls back to the default lookup under Electron when no copy exists', () => {
    expect(resolveSqliteBinding({ versions: { electron: '45.4.1' }, projectRoot: '/app', exists: on() })).toBeUndefined();
  });

  it('prefers an explicit override under Electron', () => {
    expect(resolveSqliteBinding({ versions: { electron: '45.4.1' }, projectRoot: '/app', override: '/x.node', exists: on(projectCopy) })).toBe('/x.node');
  });

  it('looks where scripts/postinstall.mjs writes the Electron build', () => {
    const script = readFileSync(join(import.meta.dirname, '..', '..', 'scripts', 'postinstall.mjs'), 'utf8');
    expect(script).toContain(`'${ELECTRON_BINDING_DIR}'`);
    expect(script).toContain(`'${BINDING_FILE}'`);
  });
});
