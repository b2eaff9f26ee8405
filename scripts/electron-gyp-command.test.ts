/** The Electron build of the SQLite addon uses the pinned node-gyp and Electron's headers, never npx or Node's headers. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronGypCommand } from './electron-gyp-command.mjs';

const root = join(import.meta.dirname, '..');

describe('electronGypCommand', () => {
  it('runs the node-gyp pinned in devDependencies under this Node, for the Electron runtime', () => {
    const gyp = electronGypCommand(root, '45.4.1', 'x64', {});
    const pinned = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['node-gyp'];
    const installed = (JSON.parse(readFileSync(join(root, 'node_modules', 'node-gyp', 'package.json'), 'utf8')) as { version: string }).version;
    expect(pinned).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed).toBe(pinned);
    expect(gyp.command).toBe(process.execPath);
    expect(gyp.args[0]).toBe(join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'));
    expect(gyp.args).toEqual(expect.arrayContaining(['--target=45.4.1', '--runtime=electron', '--arch=x64']));
  });

  it("drops Node's header folder so the addon is built against Electron's headers", () => {
    const gyp = electronGypCommand(root, '45.4.1', 'x64', { npm_config_nodedir: '/opt/node', PATH: '/bin', npm_config_target: '24.0.0' });
    expect(gyp.env).toEqual({ PATH: '/bin' });
  });

  it('postinstall never falls back to npx', () => {
    expect(readFileSync(join(root, 'scripts', 'postinstall.mjs'), 'utf8')).not.toMatch(/\bnpx\b/);
  });
});
