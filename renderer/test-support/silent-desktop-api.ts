/** A desktop API over an in-memory transport that never answers: for static render tests, where effects do not run anyway. */
import type { DesktopApi } from '../../domain/ipc/contract.ts';
import { createDesktopApi } from '../api/desktop/create-desktop-api.ts';

/** Every call stays pending and no event ever arrives. */
export function silentDesktopApi(): DesktopApi {
  return createDesktopApi({
    call: () => new Promise<never>(() => undefined),
    subscribe: () => () => undefined,
  });
}
