/** Which palette the app shows: the one chosen, or the computer's own while the choice is "system". */
import type { UiSettings } from '../../domain/ipc/preferences-channels.ts';

/** The theme a user may choose. */
export type ThemeChoice = UiSettings['effective']['theme'];
/** The palette actually applied (the document root's `data-theme`). */
export type AppliedTheme = 'light' | 'dark';

/** Light or dark: "system" follows the computer's colour-scheme preference. */
export function resolveTheme(choice: ThemeChoice, systemPrefersDark: boolean): AppliedTheme {
  if (choice === 'system') {
    return systemPrefersDark ? 'dark' : 'light';
  }
  return choice;
}
