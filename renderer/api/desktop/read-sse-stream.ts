/** Reads a byte stream of Server-Sent Events to its end. */
import { type SseMessage, SseParser } from './sse-parser.ts';

/**
 * Decodes `body` as UTF-8 (characters may be split across chunks) and calls `onMessage` for each
 * complete message. Resolves when the stream ends; rejects if it fails or is aborted.
 * A message cut off by the end of the stream is discarded, as the SSE spec says.
 */
export async function readSseStream(body: ReadableStream<Uint8Array>, onMessage: (message: SseMessage) => void): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new SseParser();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        break;
      }
      for (const message of parser.push(decoder.decode(value, { stream: true }))) {
        onMessage(message);
      }
    }
    for (const message of parser.push(decoder.decode())) {
      onMessage(message);
    }
  } finally {
    reader.releaseLock();
  }
}
