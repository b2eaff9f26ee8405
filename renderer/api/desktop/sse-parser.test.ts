import { describe, expect, it } from 'vitest';
import { type SseMessage, SseParser } from './sse-parser.ts';

function parseInChunks(chunks: readonly string[]): SseMessage[] {
  const parser = new SseParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

const STREAM =
  ': connected\n\n' +
  'event: sync.status\ndata: {"phase":"idle"}\n\n' +
  'event: session.state\r\ndata: {"state":\r\ndata: "signed_out"}\r\n\r\n' +
  'data: plain\r\rid: 7\nretry: 10\nevent:tight\ndata:no-space\n\n';

const EXPECTED: SseMessage[] = [
  { event: 'sync.status', data: '{"phase":"idle"}' },
  { event: 'session.state', data: '{"state":\n"signed_out"}' },
  { event: 'message', data: 'plain' },
  { event: 'tight', data: 'no-space' },
];

describe('SseParser', () => {
  it('parses a whole stream with LF, CRLF and CR line endings, comments and multi-line data', () => {
    expect(parseInChunks([STREAM])).toEqual(EXPECTED);
  });

  it('gives the same messages whichever single boundary the stream is split at', () => {
    for (let cut = 0; cut <= STREAM.length; cut++) {
      expect(parseInChunks([STREAM.slice(0, cut), STREAM.slice(cut)]), `split at ${cut}`).toEqual(EXPECTED);
    }
  });

  it('gives the same messages when fed one character at a time', () => {
    expect(parseInChunks([...STREAM])).toEqual(EXPECTED);
  });

  it('treats a CR at the end of one chunk and an LF at the start of the next as one line ending', () => {
    // Read as two line endings, the "\n" would end the message early and split a|b in two.
    expect(parseInChunks(['data: a\r', '\ndata: b\r', '\n\r', '\n'])).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('does not dispatch a message until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('event: sync.status\ndata: {}\n')).toEqual([]);
    expect(parser.push('\n')).toEqual([{ event: 'sync.status', data: '{}' }]);
  });

  it('drops an event name that has no data, without leaking it into the next message', () => {
    expect(parseInChunks(['event: lonely\n\n', 'data: x\n\n'])).toEqual([{ event: 'message', data: 'x' }]);
  });

  it('keeps an empty data line as an empty string', () => {
    expect(parseInChunks(['data\n\n'])).toEqual([{ event: 'message', data: '' }]);
  });
});
