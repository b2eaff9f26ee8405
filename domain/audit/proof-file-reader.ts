/**
 * Reads a `casebridge-audit-proof/v1` file a line at a time (docs/audit.md, "Export proofs"), so a
 * proof file of a million rows (about 1 GB, more than one JavaScript string can hold) is verified in
 * flat memory. The server writes the file in one layout: a first line holding every field but the
 * events (`{"format":…,"checkpoint":…,` ending in a comma), the line `"events":[`, one entry a line
 * (each but the last ending in a comma) and `]}`. Any other layout of the same JSON is read whole.
 */
import { AuditProofBundleSchema, AuditProofEntrySchema, type AuditProofEntry } from './audit-proof-bundle.ts';
import type { ProofFileHead } from './verify-proof-bundle.ts';

/** The file's head, and its event entries in file order, read as they are asked for. */
export interface ProofFileStream {
  head: ProofFileHead;
  entries: AsyncGenerator<AuditProofEntry>;
}

/** Thrown when the text is not a proof file; the message says where. */
export class ProofFileError extends Error {}

const HeadSchema = AuditProofBundleSchema.omit({ events: true });

/** Opens the proof file whose lines `lines` yields (without their line ends). */
export async function readProofFile(lines: AsyncIterable<string>): Promise<ProofFileStream> {
  const iterator = lines[Symbol.asyncIterator]();
  const first = await iterator.next();
  const second = first.done ? first : await iterator.next();
  if (!first.done && !second.done && first.value.startsWith('{') && first.value.endsWith(',') && second.value === '"events":[') {
    return { head: parseHead(`${first.value}"events":[]}`), entries: lineEntries(iterator) };
  }
  // Another writer's layout: the whole text, parsed at once (memory of a few times the file).
  let text = first.done ? '' : first.value;
  if (!second.done) {
    text += `\n${second.value}`;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      text += `\n${next.value}`;
    }
  }
  const bundle = AuditProofBundleSchema.safeParse(parseJson(text, 'The proof file'));
  if (!bundle.success) {
    throw new ProofFileError(`It is not a casebridge-audit-proof/v1 file: ${bundle.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const { events, ...head } = bundle.data;
  return { head, entries: arrayEntries(events) };
}

function parseHead(text: string): ProofFileHead {
  const head = HeadSchema.safeParse(parseJson(text, 'Its first line'));
  if (!head.success) {
    throw new ProofFileError(`It is not a casebridge-audit-proof/v1 file: ${head.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return head.data;
}

async function* lineEntries(iterator: AsyncIterator<string>): AsyncGenerator<AuditProofEntry> {
  let line = 2;
  let closed = false;
  for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
    line += 1;
    const text = next.value;
    if (closed) {
      if (text.trim() !== '') {
        throw new ProofFileError(`Line ${line} follows the end of the proof file.`);
      }
      continue;
    }
    if (text === ']}') {
      closed = true;
      continue;
    }
    const entry = AuditProofEntrySchema.safeParse(parseJson(text.endsWith(',') ? text.slice(0, -1) : text, `Line ${line}`));
    if (!entry.success) {
      throw new ProofFileError(`Line ${line} is not an event entry.`);
    }
    yield entry.data;
  }
  if (!closed) {
    throw new ProofFileError('The proof file ends before its events do: it was cut short.');
  }
}

// eslint-disable-next-line @typescript-eslint/require-await -- the same async shape as the line reader.
async function* arrayEntries(events: AuditProofEntry[]): AsyncGenerator<AuditProofEntry> {
  yield* events;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ProofFileError(`${what} is not JSON.`);
  }
}
