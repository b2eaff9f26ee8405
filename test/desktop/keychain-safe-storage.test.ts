import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertSafeStorageUsable, createSafeStorageSecretStore } from '../../electron/safe-storage-secret-store.ts';
import { fakeSafeStorage } from '../support/fake-safe-storage.ts';

describe('safeStorage secret store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cb-safe-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("refuses Linux's basic_text backend and an unavailable safeStorage with keychain_unavailable", () => {
    expect(() => assertSafeStorageUsable(fakeSafeStorage('basic_text'), 'linux')).toThrow(expect.objectContaining({ code: 'keychain_unavailable' }));
    expect(() => assertSafeStorageUsable(fakeSafeStorage('gnome_libsecret', false), 'linux')).toThrow(expect.objectContaining({ code: 'keychain_unavailable' }));
    expect(() => assertSafeStorageUsable(fakeSafeStorage('gnome_libsecret'), 'linux')).not.toThrow();
    expect(() => assertSafeStorageUsable(fakeSafeStorage('kwallet5'), 'linux')).not.toThrow();
    expect(() => assertSafeStorageUsable(fakeSafeStorage(undefined), 'win32')).not.toThrow();
    expect(() => assertSafeStorageUsable(fakeSafeStorage(undefined), 'darwin')).not.toThrow();
  });

  it('round-trips secrets through an encrypted file that never holds them in clear', async () => {
    const file = join(dir, 'secrets.bin');
    const store = createSafeStorageSecretStore(fakeSafeStorage('gnome_libsecret'), file, 'linux');
    await store.set('cache-key:a', 'ab'.repeat(32));
    await store.set('refresh-token:a', 'refresh-secret');
    expect(await store.get('cache-key:a')).toBe('ab'.repeat(32));
    expect(readFileSync(file, 'utf8')).not.toContain('abab');
    await store.delete('cache-key:a');
    expect(await store.get('cache-key:a')).toBeNull();
    expect(await store.get('refresh-token:a')).toBe('refresh-secret');
  });

  it('refuses to read or write when the backend is basic_text', async () => {
    const store = createSafeStorageSecretStore(fakeSafeStorage('basic_text'), join(dir, 'plain.bin'), 'linux');
    await expect(store.set('a', 'b')).rejects.toMatchObject({ code: 'keychain_unavailable' });
    await expect(store.get('a')).rejects.toMatchObject({ code: 'keychain_unavailable' });
  });
});
