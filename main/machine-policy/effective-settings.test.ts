/** Unit tests: policy wins over preferences; a user may only shorten the idle lock. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from './admin-policy.ts';
import { effectiveSettings } from './effective-settings.ts';

describe('effectiveSettings', () => {
  it('lets a user shorten the idle lock but never lengthen it past the policy or default', () => {
    expect(effectiveSettings({ ...DEFAULT_POLICY, idleLockMinutes: 15 }, { idleLockMinutes: 5 }).idleLockMinutes).toBe(5);
    expect(effectiveSettings({ ...DEFAULT_POLICY, idleLockMinutes: 15 }, { idleLockMinutes: 60 }).idleLockMinutes).toBe(15);
    expect(effectiveSettings(DEFAULT_POLICY, { idleLockMinutes: 240 }).idleLockMinutes).toBe(10);
  });

  it('takes security settings from policy only and UI settings from preferences', () => {
    const policy = { ...DEFAULT_POLICY, serverUrl: 'https://api.example', contentProtection: false, exportsAllowed: false };
    const settings = effectiveSettings({ policy, enforced: new Set(['serverUrl'] as const), warnings: [] }, { theme: 'dark', queuePageSize: 25 });
    expect(settings).toEqual({
      serverUrl: 'https://api.example', idleLockMinutes: 10, offlineLeaseHours: 72, offlineAllowed: true,
      contentProtection: false, exportsAllowed: false, theme: 'dark', queuePageSize: 25, columnWidths: {}, lastFilter: {},
    });
  });

  it('leaves the server URL to the shell when no policy sets one', () => {
    expect('serverUrl' in effectiveSettings(DEFAULT_POLICY, {})).toBe(false);
  });
});
