/** The user's preferences and the settings in effect, read from the core once and kept after each change. */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ErrorBody } from '../../domain/errors.ts';
import type { UiSettings } from '../../domain/ipc/preferences-channels.ts';
import type { Preferences } from '../../domain/preferences.ts';
import type { Result } from '../../domain/result.ts';
import { useDesktopApi } from './desktop-api-context.ts';
import { errorBodyOf } from './desktop-call-error.ts';
import { desktopQueryKey, useDesktopQuery } from './desktop-query.ts';

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
  const queryClient = useQueryClient();
  const query = useDesktopQuery('preferences.get', null);
  const { refetch } = query;

  const update = useCallback(
    async (patch: Preferences) => {
      const result = await api['preferences.update'](patch);
      if (result.ok) {
        queryClient.setQueryData(desktopQueryKey('preferences.get', null), result.value);
      }
      return result;
    },
    [api, queryClient],
  );

  const reload = useCallback(() => void refetch(), [refetch]);

  // A failed re-read keeps the settings already known (TanStack keeps the last data on error).
  return { settings: query.data ?? null, loadError: errorBodyOf(query.error), update, reload };
}
