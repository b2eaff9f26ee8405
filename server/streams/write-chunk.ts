/** Writing to a stream with backpressure, shared by every streamed file writer (exports, spreadsheets). */
import type { Writable } from 'node:stream';

/** Writes a chunk and waits for the stream to drain when its buffer is full, so memory stays flat. */
export function writeChunk(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.write(chunk)) {
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const onDrain = () => { out.off('error', onError); out.off('close', onClose); resolve(); };
    const onError = (error: Error) => { out.off('drain', onDrain); out.off('close', onClose); reject(error); };
    const onClose = () => { out.off('drain', onDrain); out.off('error', onError); reject(new Error('The export stream closed before it drained.')); };
    out.once('drain', onDrain);
    out.once('error', onError);
    out.once('close', onClose);
  });
}
