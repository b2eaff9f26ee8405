import { describe, expect, it } from 'vitest';
import { readSseStream } from './read-sse-stream.ts';
import type { SseMessage } from './sse-parser.ts';

function streamOf(chunks: readonly Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) {
        controller.enqueue(chunk);
      }
      controller.close();
    },
  });
}

describe('readSseStream', () => {
  it('decodes characters whose UTF-8 bytes are split across chunks', async () => {
    const bytes = new TextEncoder().encode('data: {"name":"Zoë – Łódź"}\n\n');
    const messages: SseMessage[] = [];
    // One byte per chunk splits every multi-byte character.
    await readSseStream(streamOf([...bytes].map((b) => Uint8Array.of(b))), (m) => messages.push(m));
    expect(messages).toEqual([{ event: 'message', data: '{"name":"Zoë – Łódź"}' }]);
  });

  it('discards a message cut off by the end of the stream', async () => {
    const encoder = new TextEncoder();
    const messages: SseMessage[] = [];
    await readSseStream(streamOf([encoder.encode('data: one\n\ndata: half')]), (m) => messages.push(m));
    expect(messages).toEqual([{ event: 'message', data: 'one' }]);
  });
});
