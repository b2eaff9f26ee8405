/** Puts the theme on the document root, following the computer's colour scheme while the choice is "system". */
import { useEffect, useSyncExternalStore } from 'react';
import { resolveTheme, type ThemeChoice } from './resolve-theme.ts';

const PREFERS_DARK = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void): () => void {
  const query = window.matchMedia(PREFERS_DARK);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Sets `data-theme="light|dark"` on `<html>` (the palettes live in styles.css) and keeps it current. */
export function useAppliedTheme(choice: ThemeChoice): void {
  const prefersDark = useSyncExternalStore(subscribe, () => window.matchMedia(PREFERS_DARK).matches, () => false);
  const theme = resolveTheme(choice, prefersDark);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
