/** Unit tests: the shell reads its server URL, data dir and native binding from the environment. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_URL, readShellConfig } from './shell-config.ts';

describe('readShellConfig', () => {
  it('uses the local dev server and the userData folder when nothing is set', () => {
    expect(readShellConfig({}, '/home/u/.config/Casebridge', false)).toEqual({ serverUrl: DEFAULT_SERVER_URL, dataDir: '/home/u/.config/Casebridge', devTools: false });
  });

  it('takes the server URL npm start passes and the data dir override', () => {
    const env = { CASEBRIDGE_SERVER_URL: 'https://api.casebridge.example', CASEBRIDGE_DESKTOP_DATA_DIR: '/tmp/cb' };
    expect(readShellConfig(env, '/ignored', false)).toEqual({ serverUrl: 'https://api.casebridge.example', dataDir: '/tmp/cb', devTools: false });
  });

  it('refuses a server URL that is not http or https', () => {
    expect(() => readShellConfig({ CASEBRIDGE_SERVER_URL: 'file:///etc/passwd' }, '/d', false)).toThrow(/http or https/);
    expect(() => readShellConfig({ CASEBRIDGE_SERVER_URL: 'not a url' }, '/d', false)).toThrow(/not a URL/);
  });

  it('uses an Electron build of the SQLite addon only in unpackaged runs', () => {
    const env = { CASEBRIDGE_ELECTRON_SQLITE_BINDING: '/x/better_sqlite3.node' };
    expect(readShellConfig(env, '/d', false).nativeBinding).toBe('/x/better_sqlite3.node');
    expect(readShellConfig(env, '/d', true).nativeBinding).toBeUndefined();
  });

  it('allows DevTools only in an unpackaged run that asks for them', () => {
    expect(readShellConfig({ CASEBRIDGE_DEVTOOLS: '1' }, '/d', false).devTools).toBe(true);
    expect(readShellConfig({ CASEBRIDGE_DEVTOOLS: '1' }, '/d', true).devTools).toBe(false);
    expect(readShellConfig({ CASEBRIDGE_DEVTOOLS: 'true' }, '/d', false).devTools).toBe(false);
    expect(readShellConfig({}, '/d', false).devTools).toBe(false);
  });
});
