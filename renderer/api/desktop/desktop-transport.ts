/** How calls and events travel between the renderer and the desktop core, before validation. */
import type { ChannelName, EventName } from '../../../domain/ipc/contract.ts';

/**
 * A way to reach the desktop core: the Electron preload bridge or the loopback host.
 * Everything it hands back is untrusted; `createDesktopApi` validates it.
 */
export interface DesktopTransport {
  /** Sends one call; resolves with the raw answer, rejects if the core cannot be reached. */
  call(channel: ChannelName, input: unknown): Promise<unknown>;
  /** Listens for one event's raw payloads; returns an unsubscribe function. */
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}
