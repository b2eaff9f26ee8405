/** Hands the desktop API down the component tree. */
import { createContext, use } from 'react';
import type { DesktopApi } from '../../domain/ipc/contract.ts';

/** The desktop API for this window; provided once at the root. */
export const DesktopApiContext = createContext<DesktopApi | null>(null);

/** The desktop API; throws if a component is rendered outside the provider (a wiring bug). */
export function useDesktopApi(): DesktopApi {
  const api = use(DesktopApiContext);
  if (!api) {
    throw new Error('useDesktopApi needs a DesktopApiContext provider.');
  }
  return api;
}
