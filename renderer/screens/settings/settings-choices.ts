/** What the settings panel offers: only values the preferences schema accepts, so a choice can never be refused as invalid. */
import { PreferencesSchema, type Preferences } from '../../../domain/preferences.ts';
import type { UiSettings } from '../../../domain/ipc/preferences-channels.ts';

/** The theme choices and their words. */
export const THEME_LABELS: Record<UiSettings['effective']['theme'], string> = {
  system: 'Same as this computer',
  light: 'Light',
  dark: 'Dark',
};

/** A queue page size the preferences allow. */
export type QueuePageSize = NonNullable<Preferences['queuePageSize']>;
/** The queue page sizes offered. */
export const QUEUE_PAGE_SIZES: readonly QueuePageSize[] = [25, 50, 100];

// Common lengths; the longest allowed and the one in effect are added to them.
const IDLE_LOCK_STEPS = [1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240];

/**
 * The idle-lock lengths offered, in minutes, ascending: common steps up to the longest the policy
 * allows, that longest itself, and the length in effect — each one the preferences schema accepts.
 */
export function idleLockChoices(maxMinutes: number, currentMinutes: number): number[] {
  const candidates = [...IDLE_LOCK_STEPS.filter((m) => m <= maxMinutes), maxMinutes];
  if (currentMinutes <= maxMinutes) {
    candidates.push(currentMinutes);
  }
  const valid = candidates.filter((m) => PreferencesSchema.safeParse({ idleLockMinutes: m }).success);
  return [...new Set(valid)].sort((a, b) => a - b);
}
