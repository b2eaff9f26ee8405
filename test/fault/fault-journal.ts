/** The child's journal of local changes: an fsync'd intent before each enqueue and a done line after it resolves. */
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import type { LocalChange } from '../../main/sync/queue-local-change.ts';

/** One journal line. */
export type JournalLine =
  | { k: 'intent'; i: number; launch: number; change: LocalChange }
  | { k: 'done'; i: number; mutationId: number };

/** A plan step with its outcome: `done` when enqueue resolved; a step killed in between is `dangling` (maybe queued). */
export interface JournalEntry {
  i: number;
  launch: number;
  change: LocalChange;
  done: boolean;
}

/** Appends one line and fsyncs it before returning. */
export function appendJournal(file: string, line: JournalLine): void {
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, `${JSON.stringify(line)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Reads the journal into entries in plan order (a torn last line from a kill is ignored). */
export function readJournal(file: string): JournalEntry[] {
  if (!existsSync(file)) {
    return [];
  }
  const entries = new Map<number, JournalEntry>();
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    let line: JournalLine;
    try {
      line = JSON.parse(raw) as JournalLine;
    } catch {
      continue;
    }
    if (line.k === 'intent') {
      entries.set(line.i, { i: line.i, launch: line.launch, change: line.change, done: false });
    } else {
      const entry = entries.get(line.i);
      if (entry) {
        entry.done = true;
      }
    }
  }
  return [...entries.values()].sort((a, b) => a.i - b.i);
}
