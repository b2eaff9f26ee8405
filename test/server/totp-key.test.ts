/** Where the TOTP sealing key comes from: the environment, else (embedded only) a private file in the data dir. */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readServerConfig } from '../../server/context/config.ts';
import { resolveTotpKey } from '../../server/auth/totp-key.ts';

describe('the TOTP sealing key', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-totp-key-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is required with DATABASE_URL, as all API nodes must share it', () => {
    const config = readServerConfig({ DATABASE_URL: 'postgres://casebridge@127.0.0.1:5432/casebridge', CASEBRIDGE_DATA_DIR: dataDir });
    expect(() => resolveTotpKey(config)).toThrow('CASEBRIDGE_TOTP_KEY must be set when DATABASE_URL is used');
    const set = readServerConfig({ DATABASE_URL: 'postgres://casebridge@127.0.0.1:5432/casebridge', CASEBRIDGE_TOTP_KEY: 'e7'.repeat(32) });
    expect(resolveTotpKey(set).equals(Buffer.from('e7'.repeat(32), 'hex'))).toBe(true);
  });

  it('is generated once per data dir for the embedded server, 0600, and reused', () => {
    const config = readServerConfig({ CASEBRIDGE_DATA_DIR: dataDir });
    const first = resolveTotpKey(config);
    expect(first).toHaveLength(32);
    expect(statSync(join(dataDir, 'totp-key')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dataDir, 'totp-key'), 'utf8')).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveTotpKey(config).equals(first)).toBe(true);
  });

  it('refuses a key that is not 64 hex characters, naming the variable', () => {
    expect(() => readServerConfig({ CASEBRIDGE_TOTP_KEY: 'short' })).toThrow('CASEBRIDGE_TOTP_KEY must be 64 hex characters');
  });
});
