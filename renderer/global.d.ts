/** Globals the renderer may find at run time. */
import type { DesktopApi } from '../domain/ipc/contract.ts';

declare global {
  interface Window {
    /** The desktop API, exposed by the Electron preload through contextBridge; absent in a browser. */
    casebridge?: DesktopApi;
  }
}

export {};
