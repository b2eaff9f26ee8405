import { PassThrough } from 'node:stream';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { AUDIT_PROOF_FORMAT } from './audit-proof-bundle.ts';
import { ProofFileError, readProofFile } from './proof-file-reader.ts';

const HASH = `${'A'.repeat(42)}Q=`;
const entry = (index: number) => ({ index, leaf: `[${index + 1},"leaf ${index}"]`, proof: [HASH] });
const head = { format: AUDIT_PROOF_FORMAT, checkpoint: 'casebridge/audit\n9\nroot\n' };

/** The lines the server writes (write-export-proofs.ts): the head, `"events":[`, one entry a line, `]}`. */
function serverLines(count: number): string[] {
  const entries = Array.from({ length: count }, (_, i) => `${JSON.stringify(entry(i))}${i < count - 1 ? ',' : ''}`);
  return [`${JSON.stringify(head).slice(0, -1)},`, '"events":[', ...entries, ']}'];
}

async function* fromArray(lines: string[]): AsyncGenerator<string> {
  for (const line of lines) {
    yield await Promise.resolve(line);
  }
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) {
    out.push(item);
  }
  return out;
}

describe('reading a proof file a line at a time', () => {
  it('reads the head from the first two lines, then pulls one line for each entry it yields', async () => {
    let pulled = 0;
    async function* lines() {
      for (const line of serverLines(5)) {
        pulled += 1;
        yield await Promise.resolve(line);
      }
    }
    const file = await readProofFile(lines());
    expect(file.head).toEqual(head);
    expect(pulled).toBe(2);
    const first = await file.entries.next();
    expect(first.value).toEqual(entry(0));
    expect(pulled).toBe(3);
    expect(await collect(file.entries)).toEqual([1, 2, 3, 4].map(entry));
    expect(pulled).toBe(8);
  });

  it('answers the head and the first entries through node:readline while the rest of the file has not been written', async () => {
    const input = new PassThrough();
    const all = serverLines(3);
    input.write(`${all.slice(0, 3).join('\n')}\n`);
    const file = await readProofFile(createInterface({ input, crlfDelay: Infinity }));
    expect(file.head).toEqual(head);
    expect((await file.entries.next()).value).toEqual(entry(0));
    // The stream is still open: nothing after the first entry exists yet.
    input.end(`${all.slice(3).join('\n')}\n`);
    expect(await collect(file.entries)).toEqual([entry(1), entry(2)]);
  });

  it('reads a proof file in another layout (pretty-printed JSON) whole, as before', async () => {
    const text = JSON.stringify({ ...head, events: [entry(0), entry(1)] }, null, 2);
    const file = await readProofFile(fromArray(text.split('\n')));
    expect(file.head).toEqual(head);
    expect(await collect(file.entries)).toEqual([entry(0), entry(1)]);
  });

  it('refuses a file cut short, a bad entry line and text after the end, naming the line', async () => {
    const read = async (lines: string[]) => {
      const file = await readProofFile(fromArray(lines));
      return collect(file.entries);
    };
    await expect(read(serverLines(3).slice(0, -1))).rejects.toThrow(new ProofFileError('The proof file ends before its events do: it was cut short.'));
    const bad = serverLines(3);
    bad[3] = '{"index":1,"leaf":5},';
    await expect(read(bad)).rejects.toThrow('Line 4 is not an event entry.');
    await expect(read([...serverLines(2), '{"index":9}'])).rejects.toThrow('Line 6 follows the end of the proof file.');
  });
});
