/** Registers one ipcMain handler per contract channel, sender-checked, and forwards core events to the window. */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CHANNEL_NAMES } from '../domain/ipc/contract.ts';
import { fail, type Result } from '../domain/result.ts';
import type { DesktopCore } from '../main/core/desktop-core.ts';
import { IPC_EVENT_CHANNEL, ipcChannelFor } from './ipc-channels.ts';
import { isTrustedSender } from './is-trusted-sender.ts';

/** Registers a handler for every channel; returns a function that removes them all. */
export function registerIpcHandlers(core: DesktopCore, expectedOrigin: string): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannelFor(channel), async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isFromAppMainFrame(event, expectedOrigin)) {
        return fail({ code: 'authorization_error', message: 'This caller may not use the desktop API.' });
      }
      // The core validates the input with the channel's schema and answers a Result; it never throws.
      return core.handle(channel, input);
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) {
      ipcMain.removeHandler(ipcChannelFor(channel));
    }
  };
}

/** Sends every core event to `contents` while it lives; returns the unsubscribe function. */
export function forwardCoreEvents(core: DesktopCore, contents: WebContents): () => void {
  const unsubscribe = core.onEvent((name, payload) => {
    if (!contents.isDestroyed()) {
      contents.send(IPC_EVENT_CHANNEL, name, payload);
    }
  });
  contents.once('destroyed', unsubscribe);
  return unsubscribe;
}

// Only the top-level frame of a page on our own origin: no iframes, no navigated-away or destroyed frames.
function isFromAppMainFrame(event: IpcMainInvokeEvent, expectedOrigin: string): boolean {
  const frame = event.senderFrame;
  // Compared by frame token: WebFrameMain wrappers are not guaranteed to be the same object.
  if (frame === null || frame.parent !== null || frame.frameToken !== event.sender.mainFrame.frameToken) {
    return false;
  }
  return isTrustedSender(frame.url, expectedOrigin);
}
