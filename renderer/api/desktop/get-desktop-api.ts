/** The one desktop API instance the app uses. */
import type { DesktopApi } from '../../../domain/ipc/contract.ts';
import { createDesktopApi } from './create-desktop-api.ts';
import { createLoopbackTransport } from './loopback-transport.ts';
import { takeLoopbackToken } from './loopback-token.ts';
import { preloadTransport } from './preload-transport.ts';

let instance: DesktopApi | undefined;

/**
 * The Electron preload's bridge when it is present (`window.casebridge`), otherwise a client of
 * the loopback host that served this page. Both are validated against the contract.
 */
export function getDesktopApi(): DesktopApi {
  instance ??= createDesktopApi(
    window.casebridge
      ? preloadTransport(window.casebridge)
      : createLoopbackTransport({
          token: takeLoopbackToken({ location: window.location, history: window.history, storage: () => window.sessionStorage }),
          fetch: (url, init) => window.fetch(url, init),
        }),
  );
  return instance;
}
