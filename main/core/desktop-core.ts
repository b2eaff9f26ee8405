/** The desktop core as its hosts (the Electron shell, the loopback host) see it. */
import type { ChannelName, EventName, EventPayload } from '../../domain/ipc/contract.ts';
import type { Result } from '../../domain/result.ts';

/** Something that receives the core's events. */
export type CoreEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

/** The one entry point hosts call: validate, check the session, run the handler, answer a Result. */
export interface DesktopCore {
  /** Handles one IPC call with untrusted input; never throws. */
  handle(channel: ChannelName, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to core events; returns an unsubscribe function. */
  onEvent(listener: CoreEventListener): () => void;
  /** Closes caches and timers. */
  close(): Promise<void>;
}
