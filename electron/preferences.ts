/** The user's UI preferences in electron-store: only harmless fields, sanitized on every read and write. */
import Store from 'electron-store';
import { mergePreferences, sanitizePreferences, type Preferences } from '../domain/preferences.ts';
import type { PreferencesStore } from '../main/machine-policy/preferences-store.ts';

/** Opens `preferences.json` in the app's userData folder (after `app` is ready), dropping anything not allowed. */
export function createPreferencesStore(): PreferencesStore {
  const store = new Store<Preferences>({ name: 'preferences', clearInvalidConfig: true, accessPropertiesByDotNotation: false });
  // Rewrite once at start-up so a hand-edited or older file loses whatever the schema does not allow.
  store.store = sanitizePreferences(store.store);
  return {
    get: () => sanitizePreferences(store.store),
    update(patch) {
      const next = mergePreferences(store.store, patch);
      store.store = next;
      return next;
    },
  };
}
