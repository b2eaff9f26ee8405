/** The Electron IPC channel names, shared by the main-process registration and the preload. */

/** Prefix of every invoke channel: `cb:<contract channel name>`. */
export const IPC_PREFIX = 'cb:';
/** The one channel core events travel on, as `(name, payload)`. */
export const IPC_EVENT_CHANNEL = 'cb:event';

/** The Electron channel for a contract channel name. */
export function ipcChannelFor(channel: string): string {
  return `${IPC_PREFIX}${channel}`;
}
