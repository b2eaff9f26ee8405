/** The case types from the offline copy (docs/decisions.md, "Case types are data"): never a list built into the renderer. */
import { useCallback } from 'react';
import { useDesktopQuery } from './desktop-query.ts';

/** Every synced case type by name, retired ones marked `active: false`. */
export function useCaseTypes() {
  return useDesktopQuery('cases.types', null);
}

/** A function naming a case type by its code: the synced name, or the code until the case types arrive. */
export function useCaseTypeLabel(): (code: string) => string {
  const types = useCaseTypes().data?.caseTypes;
  return useCallback((code: string) => types?.find((t) => t.code === code)?.label ?? code, [types]);
}
