/** The user's preferences and the settings in effect, read from the core once and kept after each change. */
import { useCallback, useEffect, useState } from 'react';
import type { ErrorBody } from '../../domain/errors.ts';
import type { UiSettings } from '../../domain/ipc/preferences-channels.ts';
import type { Preferences } from '../../domain/preferences.ts';
import type { Result } from '../../domain/result.ts';
import { useDesktopApi } from './desktop-api-context.ts';

/** The settings (null until the core has answered), why reading them failed, and the ways to change or re-read them. */
export interface UiSettingsState {
  settings: UiSettings | null;
  loadError: ErrorBody | null;
  /** Saves a change; on success the answer (what now applies) replaces the settings. */
  update: (patch: Preferences) => Promise<Result<UiSettings>>;
  reload: () => void;
}

/** Reads `preferences.get` (no session needed, so the theme applies on the sign-in screen too). */
export function useUiSettings(): UiSettingsState {
  const api = useDesktopApi();
  const [settings, setSettings] = useState<UiSettings | null>(null);
  const [loadError, setLoadError] = useState<ErrorBody | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let mounted = true;
    void api['preferences.get'](null).then((result) => {
      if (mounted) {
        setSettings((current) => (result.ok ? result.value : current));
        setLoadError(result.ok ? null : result.error);
      }
    });
    return () => {
      mounted = false;
    };
  }, [api, attempt]);

  const update = useCallback(async (patch: Preferences) => {
    const result = await api['preferences.update'](patch);
    if (result.ok) {
      setSettings(result.value);
      setLoadError(null);
    }
    return result;
  }, [api]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  return { settings, loadError, update, reload };
}
