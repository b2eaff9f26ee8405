import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_POLICY } from './admin-policy.ts';
import { createMemoryPreferencesStore } from './preferences-store.ts';
import { createUiSettingsService } from './ui-settings.ts';

describe('the UI settings service', () => {
  it('moves the idle lock to what applies after each change: shorter when asked, never past the policy', () => {
    const onIdle = vi.fn();
    const service = createUiSettingsService(createMemoryPreferencesStore(), { ...DEFAULT_POLICY, idleLockMinutes: 20 }, onIdle);
    service.update({ idleLockMinutes: 3 });
    service.update({ idleLockMinutes: 90 });
    service.update({ theme: 'dark' });
    expect(onIdle.mock.calls).toEqual([[3], [20], [20]]);
    expect(service.get().effective).toMatchObject({ theme: 'dark', idleLockMinutes: 20 });
  });
});
