/** One Server-Sent Events message: its event name and its data lines joined by "\n". */
export interface SseMessage {
  event: string;
  data: string;
}

/**
 * Incremental parser for a `text/event-stream` (WHATWG HTML, "event stream interpretation").
 * Feed it decoded text in chunks split anywhere; each call returns the messages that chunk completed.
 * `id` and `retry` fields are ignored: the client reconnects with its own backoff.
 * A byte-order mark is the decoder's job (TextDecoder strips it).
 */
export class SseParser {
  #buffer = '';
  /** The last chunk ended in "\r": a "\n" opening the next chunk belongs to that line ending. */
  #skipLeadingLf = false;
  #event = '';
  #data: string[] = [];

  /** Parses one more chunk and returns the messages it completed, in order. */
  push(chunk: string): SseMessage[] {
    let text = chunk;
    if (this.#skipLeadingLf && text.length > 0) {
      this.#skipLeadingLf = false;
      if (text.startsWith('\n')) {
        text = text.slice(1);
      }
    }
    const buffer = this.#buffer + text;
    const messages: SseMessage[] = [];
    let lineStart = 0;
    for (let i = 0; i < buffer.length; i++) {
      const ch = buffer[i];
      if (ch !== '\n' && ch !== '\r') {
        continue;
      }
      const line = buffer.slice(lineStart, i);
      if (ch === '\r') {
        if (i + 1 === buffer.length) {
          this.#skipLeadingLf = true;
        } else if (buffer[i + 1] === '\n') {
          i++;
        }
      }
      lineStart = i + 1;
      const message = this.#processLine(line);
      if (message) {
        messages.push(message);
      }
    }
    this.#buffer = buffer.slice(lineStart);
    return messages;
  }

  #processLine(line: string): SseMessage | null {
    if (line === '') {
      return this.#dispatch();
    }
    if (line.startsWith(':')) {
      return null; // a comment, e.g. a keep-alive
    }
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) {
      value = value.slice(1);
    }
    if (field === 'event') {
      this.#event = value;
    } else if (field === 'data') {
      this.#data.push(value);
    }
    return null;
  }

  #dispatch(): SseMessage | null {
    const event = this.#event || 'message';
    const data = this.#data;
    this.#event = '';
    this.#data = [];
    return data.length === 0 ? null : { event, data: data.join('\n') };
  }
}
