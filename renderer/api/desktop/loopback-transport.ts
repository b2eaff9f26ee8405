/** The transport over the loopback host: HTTP POST per call, one Server-Sent Events stream for events. */
import { CodedError } from '../../../domain/errors.ts';
import { LOOPBACK_TOKEN_HEADER } from '../../../domain/ipc/loopback-token.ts';
import type { DesktopTransport } from './desktop-transport.ts';
import { EventHub } from './event-hub.ts';
import { type EventStreamOptions, openEventStream } from './event-stream.ts';
import type { FetchLike } from './fetch-like.ts';

/** What the loopback transport needs. */
export interface LoopbackOptions {
  token: string | null;
  fetch: FetchLike;
  /** Reconnect timing of the event stream (defaults suit people; tests shorten them). */
  backoff?: Pick<EventStreamOptions, 'initialDelayMs' | 'maxDelayMs'>;
}

/**
 * Calls `POST /ipc/<channel>` with `{ input }` and reads the JSON Result. The event stream opens
 * with the first subscription and closes when the last one goes.
 */
export function createLoopbackTransport(options: LoopbackOptions): DesktopTransport {
  const { token, fetch } = options;
  const hub = new EventHub();
  let closeStream: (() => void) | null = null;

  function ensureStream(): void {
    if (closeStream || token === null) {
      return;
    }
    closeStream = openEventStream({
      ...options.backoff,
      fetch,
      url: '/events',
      headers: { [LOOPBACK_TOKEN_HEADER]: token },
      onMessage: ({ event, data }) => {
        let payload: unknown;
        try {
          payload = JSON.parse(data);
        } catch {
          return; // not JSON: nothing a listener could trust
        }
        hub.dispatch(event, payload);
      },
    });
  }

  return {
    async call(channel, input) {
      if (token === null) {
        throw new CodedError('authorization_error', 'This page was opened without its access token.');
      }
      const response = await fetch(`/ipc/${channel}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [LOOPBACK_TOKEN_HEADER]: token },
        body: JSON.stringify({ input }),
      });
      const text = await response.text();
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new Error(`the answer was not JSON (HTTP ${response.status})`);
      }
    },
    subscribe(event, listener) {
      const unsubscribe = hub.on(event, listener);
      ensureStream();
      return () => {
        unsubscribe();
        if (hub.size === 0 && closeStream) {
          closeStream();
          closeStream = null;
        }
      };
    },
  };
}
