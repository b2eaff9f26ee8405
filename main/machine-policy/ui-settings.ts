/** The preferences channels' answer, and the change that also moves the idle lock. */
import type { UiSettings } from '../../domain/ipc/preferences-channels.ts';
import type { Preferences } from '../../domain/preferences.ts';
import type { AdminPolicy } from './admin-policy.ts';
import { effectiveSettings } from './effective-settings.ts';
import type { PreferencesStore } from './preferences-store.ts';

/** The preferences, what applies, and the longest idle lock the user may choose. */
export function uiSettings(policy: AdminPolicy, preferences: Preferences): UiSettings {
  const e = effectiveSettings(policy, preferences);
  return {
    preferences,
    effective: {
      theme: e.theme, queuePageSize: e.queuePageSize, columnWidths: e.columnWidths, lastFilter: e.lastFilter, idleLockMinutes: e.idleLockMinutes,
      exportsAllowed: e.exportsAllowed,
    },
    idleLockMaxMinutes: policy.idleLockMinutes,
  };
}

/** Reads and changes preferences; a change reports the idle lock now in effect so the countdown follows it. */
export interface UiSettingsService {
  get(): UiSettings;
  update(patch: Preferences): UiSettings;
}

/** The service over a store, for a policy; `onIdleLockMinutes` hears the effective idle lock after each change. */
export function createUiSettingsService(store: PreferencesStore, policy: AdminPolicy, onIdleLockMinutes: (minutes: number) => void): UiSettingsService {
  return {
    get: () => uiSettings(policy, store.get()),
    update(patch) {
      const settings = uiSettings(policy, store.update(patch));
      onIdleLockMinutes(settings.effective.idleLockMinutes);
      return settings;
    },
  };
}
