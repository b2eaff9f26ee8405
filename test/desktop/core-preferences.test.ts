import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { DEFAULT_POLICY } from '../../main/machine-policy/admin-policy.ts';
import { createMemoryPreferencesStore } from '../../main/machine-policy/preferences-store.ts';
import { createMemorySecretStore } from '../../main/secrets/memory-secret-store.ts';

describe('preferences through the desktop core', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) {
      await cleanup();
    }
  });

  function core(policyIdleMinutes = 15, initial: unknown = {}): { core: DesktopCore; store: ReturnType<typeof createMemoryPreferencesStore> } {
    const dataDir = mkdtempSync(join(tmpdir(), 'cb-prefs-'));
    const store = createMemoryPreferencesStore(initial);
    const c = createDesktopCore({
      serverUrl: 'http://127.0.0.1:9', dataDir, secretStore: createMemorySecretStore(), preferences: store,
      policy: { policy: { ...DEFAULT_POLICY, idleLockMinutes: policyIdleMinutes }, enforced: new Set(['idleLockMinutes']), warnings: [] },
    });
    cleanups.push(() => c.close(), () => rmSync(dataDir, { recursive: true, force: true }));
    return { core: c, store };
  }

  it('answers the preferences and what applies, before anyone signs in', async () => {
    const { core: c } = core(15, { theme: 'dark' });
    expect(await c.handle('preferences.get', null)).toEqual({
      ok: true,
      value: {
        preferences: { theme: 'dark' },
        effective: { theme: 'dark', queuePageSize: 50, columnWidths: {}, lastFilter: {}, idleLockMinutes: 15, exportsAllowed: true },
        idleLockMaxMinutes: 15,
      },
    });
  });

  it('saves valid changes and lets the user shorten the idle lock but never lengthen it past the policy', async () => {
    const { core: c, store } = core(15);
    const shorter = await c.handle('preferences.update', { queuePageSize: 25, idleLockMinutes: 5 });
    expect(shorter).toMatchObject({ ok: true, value: { effective: { queuePageSize: 25, idleLockMinutes: 5 } } });
    const longer = await c.handle('preferences.update', { idleLockMinutes: 120 });
    expect(longer).toMatchObject({ ok: true, value: { preferences: { idleLockMinutes: 120 }, effective: { idleLockMinutes: 15 } } });
    expect(store.get()).toEqual({ queuePageSize: 25, idleLockMinutes: 120 });
  });

  it('refuses unknown fields and bad values with a validation error and changes nothing', async () => {
    const { core: c, store } = core(15, { theme: 'light' });
    for (const patch of [{ accessToken: 'eyJ.secret' }, { lastFilter: { text: 'Jane Doe' } }, { queuePageSize: 33 }, { theme: 'neon' }, 'dark', null]) {
      const result = await c.handle('preferences.update', patch);
      expect(result, JSON.stringify(patch)).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    }
    expect(store.get()).toEqual({ theme: 'light' });
  });
});
