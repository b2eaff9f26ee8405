/** Where the user's UI preferences live: electron-store in the app, memory in the loopback host and tests. */
import { mergePreferences, sanitizePreferences, type Preferences } from '../../domain/preferences.ts';

/** Read and change the preferences; never holds case data, names or tokens. */
export interface PreferencesStore {
  get(): Preferences;
  /** Applies the valid fields of `patch` and returns the result. */
  update(patch: unknown): Preferences;
}

/** Preferences kept for the life of the process (the loopback host, tests). */
export function createMemoryPreferencesStore(initial: unknown = {}): PreferencesStore {
  let current = sanitizePreferences(initial);
  return {
    get: () => current,
    update(patch) {
      current = mergePreferences(current, patch);
      return current;
    },
  };
}
