/**
 * Checks an exported CSV file and its manifest against the export's proof file, once the proof
 * file itself has passed `verifyProofBundle` (docs/audit.md, "Verifying an export"). Every data
 * row must be exactly the cells of one proven event (as the export writes them: formula-looking
 * text prefixed with `'`, the `hash` column the SHA-256 of the event's leaf), each proven event
 * must have its row, the file's SHA-256 must be the one the export's own (proven) event records,
 * and the manifest must name the same checkpoint, file, rows and proof file.
 */
import { AUDIT_EXPORT_COLUMNS, EXPORT_MARKING, type AuditExportManifest } from './audit-export.ts';
import { auditEventFromLeaf } from './audit-event-leaf.ts';
import type { AuditProofBundle } from './audit-proof-bundle.ts';
import type { Sha256 } from './merkle-hash.ts';
import { expectedCells, ProvenRows } from './proven-rows.ts';

export { expectedCells } from './proven-rows.ts';

/** What the file checks need of a proof file besides its events: the checkpoint and the export's own event. */
export type ProofHeadFacts = Pick<AuditProofBundle, 'checkpoint' | 'export'>;

/** The first column (index into AUDIT_EXPORT_COLUMNS) where `cells` differ from proven event `seq`'s, for the message. */
export type ColumnOf = (seq: number, cells: readonly string[]) => number;

/** Why an export file fails. */
export type ExportFileProblem =
  | 'no_export_event' | 'marking' | 'header' | 'row_malformed' | 'row_not_proven' | 'row_repeated' | 'row_altered'
  | 'row_missing' | 'file_altered' | 'manifest_mismatch';

/** The outcome: the rows checked, or the first thing that failed (with the seq of the first bad row when there is one). */
export type ExportFileResult =
  | { ok: true; rows: number }
  | { ok: false; problem: ExportFileProblem; seq?: number; message: string };

/** What is known of the files besides their rows. */
export interface ExportFileFacts {
  /** SHA-256 (hex) of the export file's bytes. */
  fileSha256: string;
  /** SHA-256 (hex) of the proof file's bytes, when a manifest is checked. */
  proofsSha256?: string;
  /** The manifest, when one is checked. */
  manifest?: AuditExportManifest;
}

/** Checks the CSV `records` (marking line, header, rows) against a whole `bundle` in memory, then the file's hash and the manifest. */
export function verifyCsvExport(records: Iterable<string[]>, bundle: AuditProofBundle, facts: ExportFileFacts, sha256: Sha256): ExportFileResult {
  const proven = new ProvenRows(sha256);
  for (const entry of bundle.events) {
    const event = auditEventFromLeaf(entry.leaf);
    if (event) {
      proven.add(event, entry.leaf);
    }
  }
  const columnOf: ColumnOf = (seq, cells) => {
    const entry = bundle.events.find((e) => e.index + 1 === seq)!;
    return expectedCells(auditEventFromLeaf(entry.leaf)!, entry.leaf, sha256).findIndex((cell, i) => cell !== cells[i]);
  };
  return verifyCsvRows(records, proven, bundle, facts, columnOf);
}

/**
 * Checks the CSV `records` against `proven` (built while a proof file was streamed), then the file's
 * hash and the manifest; `columnOf` names the differing column of an altered row.
 */
export function verifyCsvRows(
  records: Iterable<string[]>, proven: ProvenRows, head: ProofHeadFacts, facts: ExportFileFacts, columnOf: ColumnOf,
): ExportFileResult {
  const exportEvent = head.export ? auditEventFromLeaf(head.export.leaf) : undefined;
  if (!exportEvent) {
    return { ok: false, problem: 'no_export_event', message: 'The proof file carries no export event, so nothing fixes which rows the file must hold.' };
  }
  const seen = new Set<number>();
  let line = 0;
  for (const cells of records) {
    line += 1;
    if (line === 1) {
      if (cells.length !== 1 || cells[0] !== EXPORT_MARKING) {
        return { ok: false, problem: 'marking', message: `The first line is not the marking ${EXPORT_MARKING}.` };
      }
      continue;
    }
    if (line === 2) {
      if (cells.join(',') !== AUDIT_EXPORT_COLUMNS.join(',')) {
        return { ok: false, problem: 'header', message: 'The header row is not the export\'s columns.' };
      }
      continue;
    }
    const seq = /^[1-9][0-9]*$/.test(cells[0] ?? '') ? Number(cells[0]) : undefined;
    if (seq === undefined || cells.length !== AUDIT_EXPORT_COLUMNS.length) {
      return { ok: false, problem: 'row_malformed', message: `Line ${line} is not an export row (${cells.length} cells, seq ${JSON.stringify(cells[0])}).` };
    }
    if (!proven.has(seq)) {
      return { ok: false, problem: 'row_not_proven', seq, message: `The row for event seq ${seq} (line ${line}) has no proof: it was added or its seq changed.` };
    }
    if (seen.has(seq)) {
      return { ok: false, problem: 'row_repeated', seq, message: `The row for event seq ${seq} appears twice (line ${line}).` };
    }
    seen.add(seq);
    if (!proven.matches(seq, cells)) {
      const column = columnOf(seq, cells);
      return { ok: false, problem: 'row_altered', seq, message: `The row for event seq ${seq} (line ${line}) differs from the logged event in column ${AUDIT_EXPORT_COLUMNS[column]}.` };
    }
  }
  // The file is newest first: the first missing row in file order is the highest missing seq.
  let missing: number | undefined;
  for (const s of proven.allSeqs()) {
    missing = seen.has(s) ? missing : s;
  }
  if (missing !== undefined) {
    return { ok: false, problem: 'row_missing', seq: missing, message: `The row for event seq ${missing} is proven and recorded as exported but is not in the file: it was removed.` };
  }
  return verifyExportFacts(head, facts, seen.size);
}

/**
 * The checks that need no rows (all an XLSX gets): the file's SHA-256 is the one the export's own
 * proven event records, and the manifest names the same checkpoint, file, `rows` and proof file.
 */
export function verifyExportFacts(bundle: ProofHeadFacts, facts: ExportFileFacts, rows: number): ExportFileResult {
  const exportEvent = bundle.export ? auditEventFromLeaf(bundle.export.leaf) : undefined;
  if (!exportEvent) {
    return { ok: false, problem: 'no_export_event', message: 'The proof file carries no export event, so nothing fixes which file it proves.' };
  }
  const details = parseDetails(exportEvent.details);
  if (details.sha256 !== facts.fileSha256) {
    return { ok: false, problem: 'file_altered', message: `The file's SHA-256 ${facts.fileSha256} is not the ${String(details.sha256)} its export event (seq ${exportEvent.seq}) records.` };
  }
  return facts.manifest ? checkManifest(facts.manifest, bundle, facts, rows, exportEvent.seq) : { ok: true, rows };
}

function checkManifest(m: AuditExportManifest, bundle: ProofHeadFacts, facts: ExportFileFacts, rows: number, exportSeq: number): ExportFileResult {
  const mismatch = (what: string): ExportFileResult => ({ ok: false, problem: 'manifest_mismatch', message: `The manifest's ${what} does not match the files it describes.` });
  if (m.checkpoint?.trim() !== bundle.checkpoint.trim()) {
    return mismatch('checkpoint (it is not the one the proof file is signed against)');
  }
  if (m.sha256 !== facts.fileSha256) {
    return mismatch('SHA-256 of the export file');
  }
  if (m.rowCount !== rows) {
    return mismatch(`row count (${m.rowCount} against ${rows} rows)`);
  }
  if (m.exportEventSeq !== exportSeq) {
    return mismatch('export event seq');
  }
  if (facts.proofsSha256 !== undefined && m.proofs?.sha256 !== facts.proofsSha256) {
    return mismatch('SHA-256 of the proof file');
  }
  return { ok: true, rows };
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed as Record<string, unknown> : {};
  } catch {
    return {};
  }
}
