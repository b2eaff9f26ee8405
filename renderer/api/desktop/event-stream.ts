/** A Server-Sent Events connection that stays open: it reconnects with backoff when it drops. */
import type { FetchLike } from './fetch-like.ts';
import { readSseStream } from './read-sse-stream.ts';
import type { SseMessage } from './sse-parser.ts';

/** Where to connect and what to do with each message. */
export interface EventStreamOptions {
  fetch: FetchLike;
  url: string;
  headers: Record<string, string>;
  onMessage: (message: SseMessage) => void;
  /** First wait before reconnecting; doubles on each failure up to `maxDelayMs`. */
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/** Opens the stream and keeps it open until the returned function is called. */
export function openEventStream(options: EventStreamOptions): () => void {
  const controller = new AbortController();
  void keepConnected(options, controller.signal);
  return () => controller.abort();
}

async function keepConnected(options: EventStreamOptions, signal: AbortSignal): Promise<void> {
  const initialDelay = options.initialDelayMs ?? 500;
  const maxDelay = options.maxDelayMs ?? 15_000;
  let delay = initialDelay;
  while (!signal.aborted) {
    try {
      const response = await options.fetch(options.url, { headers: options.headers, signal });
      if (response.ok && response.body) {
        await readSseStream(response.body, (message) => {
          delay = initialDelay; // only a stream that delivers counts as healthy
          options.onMessage(message);
        });
      } else {
        await response.body?.cancel();
      }
    } catch {
      // Refused, dropped or aborted: the loop decides whether to try again.
    }
    if (signal.aborted) {
      return;
    }
    await sleep(delay, signal);
    delay = Math.min(delay * 2, maxDelay);
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
