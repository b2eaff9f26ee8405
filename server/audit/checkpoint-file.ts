/**
 * The published checkpoints: an append-only file of JSON lines `{"at": ISO time, "note": signed note}`
 * in a place the operator chooses, and optionally a witness URL each new note is POSTed to.
 */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';

/** One published checkpoint: its 1-based line in the file, when it was signed and the signed note. */
export interface PublishedCheckpoint {
  line: number;
  at: string;
  note: string;
}

const LineSchema = z.object({ at: z.string(), note: z.string() });

/** Appends a signed note to the file (created with owner-only access). */
export async function appendCheckpoint(file: string, note: string, at: Date): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await appendFile(file, `${JSON.stringify({ at: at.toISOString(), note })}\n`, { mode: 0o600, flag: 'a' });
}

/**
 * Every checkpoint in the file, oldest first; none when the file does not exist. A line that is not
 * a checkpoint entry is returned with an empty note, so the verifier names it rather than skipping it.
 */
export async function readCheckpoints(file: string): Promise<PublishedCheckpoint[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      return [];
    }
    throw error;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') {
    lines.pop();
  }
  return lines.map((raw, i) => {
    const parsed = LineSchema.safeParse(safeJson(raw));
    return parsed.success ? { line: i + 1, ...parsed.data } : { line: i + 1, at: '', note: '' };
  });
}

/** POSTs a signed note to a witness or webhook as text; resolves false when it was not accepted. */
export async function sendToWitness(url: string, note: string): Promise<boolean> {
  try {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: note, signal: AbortSignal.timeout(10_000) });
    return response.ok;
  } catch {
    return false;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
