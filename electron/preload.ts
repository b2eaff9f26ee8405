/** The sandboxed preload: exposes the typed desktop API as `window.casebridge`, one function per contract channel. */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { CHANNEL_NAMES, EVENT_NAMES, type DesktopApi, type EventName } from '../domain/ipc/contract.ts';
import { IPC_EVENT_CHANNEL, ipcChannelFor } from './ipc-channels.ts';

const invokers = Object.fromEntries(
  CHANNEL_NAMES.map((channel) => [channel, (input: unknown): Promise<unknown> => ipcRenderer.invoke(ipcChannelFor(channel), input)]),
);

/** Subscribes to one core event; the IPC event object itself never reaches the page. */
function on(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!EVENT_NAMES.includes(event) || typeof listener !== 'function') {
    throw new TypeError('Unknown event or listener.');
  }
  const handler = (_ipcEvent: IpcRendererEvent, name: unknown, payload: unknown) => {
    if (name === event) {
      listener(payload);
    }
  };
  ipcRenderer.on(IPC_EVENT_CHANNEL, handler);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_CHANNEL, handler);
  };
}

// The renderer validates every answer and payload against the contract (createDesktopApi), so the
// loose types here are narrowed there; the shape is the DesktopApi by construction from CHANNEL_NAMES.
const api = { ...invokers, on } as unknown as DesktopApi;

contextBridge.exposeInMainWorld('casebridge', api);
