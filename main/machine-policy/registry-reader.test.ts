/** Unit tests: `reg query` output is parsed into typed values and mapped onto policy fields. */
import { describe, expect, it } from 'vitest';
import { parseRegQueryOutput, readRegistryPolicy, type RegistryReader } from './registry-reader.ts';

const output = [
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Casebridge',
  '    ServerUrl    REG_SZ    https://api.riverton.example/v1',
  '    IdleLockMinutes    REG_DWORD    0xf',
  '    OfflineAllowed    REG_DWORD    0x0',
  '    Display Name    REG_SZ    ',
  '',
  'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Casebridge\\Sub',
  '',
].join('\r\n');

const reader = (values: Record<string, string | number>): RegistryReader => ({
  readValues: () => Promise.resolve(new Map(Object.entries(values))),
});

describe('parseRegQueryOutput', () => {
  it('reads strings, hex DWORDs and names with spaces, and skips key lines', () => {
    expect(parseRegQueryOutput(output)).toEqual(
      new Map<string, string | number>([
        ['ServerUrl', 'https://api.riverton.example/v1'],
        ['IdleLockMinutes', 15],
        ['OfflineAllowed', 0],
        ['Display Name', ''],
      ]),
    );
  });
});

describe('readRegistryPolicy', () => {
  it('maps ADMX value names to policy fields and DWORD 0/1 to booleans', async () => {
    const outcome = await readRegistryPolicy(reader({ IdleLockMinutes: 15, OfflineAllowed: 0, ExportsAllowed: 1 }));
    expect(outcome).toEqual({ kind: 'ok', values: { idleLockMinutes: 15, offlineAllowed: false, exportsAllowed: true } });
  });

  it('reads the secret store as a REG_SZ and names the field when the string is not a known store', async () => {
    expect(await readRegistryPolicy(reader({ SecretStore: 'safeStorage' }))).toEqual({ kind: 'ok', values: { secretStore: 'safeStorage' } });
    const unknown = await readRegistryPolicy(reader({ SecretStore: 1 }));
    expect(unknown.kind === 'invalid' && unknown.message).toMatch(/secretStore/);
  });

  it('treats a missing key, or a key with none of our values, as no policy', async () => {
    expect(await readRegistryPolicy({ readValues: () => Promise.resolve(null) })).toEqual({ kind: 'missing' });
    expect(await readRegistryPolicy(reader({ SomethingElse: 1 }))).toEqual({ kind: 'missing' });
  });

  it('names the field when a value has the wrong type or range', async () => {
    const wrongType = await readRegistryPolicy(reader({ IdleLockMinutes: '15' }));
    expect(wrongType.kind === 'invalid' && wrongType.message).toMatch(/idleLockMinutes/);
    const badFlag = await readRegistryPolicy(reader({ ContentProtection: 2 }));
    expect(badFlag.kind === 'invalid' && badFlag.message).toMatch(/contentProtection/);
  });

  it('reports a reader failure as an unreadable source, not as no policy', async () => {
    const outcome = await readRegistryPolicy({ readValues: () => Promise.reject(new Error('access denied')) });
    expect(outcome.kind).toBe('invalid');
  });
});
