/**
 * Writes an export's `casebridge-audit-proof/v1` file as a stream (docs/audit.md, "Export proofs"),
 * so a proof file for a million rows never sits in memory whole. The one thing held is the Merkle
 * tree over the log up to the checkpoint: 32 bytes a leaf plus the levels from the fourth up, about
 * 34 bytes for each event in the whole log (34 MB at 1M events), whatever the export's size. Entries are
 * written in seq order, a page at a time, each line one event; each proof is read straight from the
 * tree's levels into its line (forEachInclusionHash), with no array of hashes or entry object per event.
 */
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { AUDIT_LEAF_FIELDS, auditLeafText } from '../../domain/audit/audit-event-leaf.ts';
import { AUDIT_PROOF_FORMAT, type AuditProofEntry } from '../../domain/audit/audit-proof-bundle.ts';
import { toBase64 } from '../../domain/audit/base64.ts';
import { bytesEqual } from '../../domain/audit/merkle-hash.ts';
import { forEachInclusionHash } from '../../domain/audit/merkle-level-proofs.ts';
import { buildMerkleLevels, type MerkleLevels } from '../../domain/audit/merkle-levels.ts';
import { merkleInclusionProof, merkleRoot } from '../../domain/audit/merkle-proofs.ts';
import type { NoteVerifierKey } from '../../domain/audit/signed-note.ts';
import { CodedError } from '../../domain/errors.ts';
import { forEachAuditLeaf } from '../audit/audit-leaves.ts';
import { consistencyFrom, openCheckpoint, type ExportProofRequest } from '../audit/export-proofs.ts';
import { sha256 } from '../audit/sha256.ts';
import { writeChunk } from './export-writer.ts';

/** Tree levels above the leaves not kept in memory (domain/audit/merkle-levels.ts). */
const SKIPPED_LEVELS = 3;

/** Events read per query while writing entries. */
const ENTRY_PAGE = 1000;

/**
 * Streams the proof file for `request` into `out` (which it ends); `seqs` must be sorted ascending
 * and distinct. Refuses (`conflict`) when the log no longer matches the checkpoint, before writing.
 */
export async function writeExportProofs(
  db: Kysely<ServerDatabase>, key: NoteVerifierKey, request: ExportProofRequest, out: Writable,
): Promise<void> {
  const checkpoint = openCheckpoint(request.checkpoint, key);
  const { seqs } = request;
  for (let i = 0; i < seqs.length; i += 1) {
    const seq = seqs[i]!;
    if (!Number.isSafeInteger(seq) || seq < 1 || seq > checkpoint.size || (i > 0 && seq <= seqs[i - 1]!)) {
      throw new CodedError('validation_error', `Event seq ${seq} is out of order or not within the checkpoint of ${checkpoint.size} events.`);
    }
  }
  if (request.exportSeq !== undefined && (request.exportSeq < 1 || request.exportSeq > checkpoint.size)) {
    throw new CodedError('validation_error', `The export's event ${request.exportSeq} is not within the checkpoint.`);
  }
  const leaves = new Uint8Array(checkpoint.size * 32);
  let exportLeaf: string | undefined;
  const gap = await forEachAuditLeaf(db, 1, checkpoint.size, (seq, leafHash, event) => {
    leaves.set(leafHash, (seq - 1) * 32);
    if (seq === request.exportSeq) {
      exportLeaf = auditLeafText(event);
    }
  });
  // Levels 1–3 are not kept (recomputed from 2–8 leaves when a proof needs them): 34 MB at 1M events instead of 64.
  const tree = buildMerkleLevels(sha256, leaves, checkpoint.size, SKIPPED_LEVELS);
  if (gap !== undefined || !bytesEqual(merkleRoot(tree, checkpoint.size), checkpoint.root)) {
    throw new CodedError('conflict', 'The audit log no longer matches this checkpoint; run npm run audit:verify.');
  }
  const entry = (seq: number, leaf: string): AuditProofEntry => ({
    index: seq - 1, leaf, proof: merkleInclusionProof(tree, seq - 1, checkpoint.size).map(toBase64),
  });
  const head: Record<string, unknown> = { format: AUDIT_PROOF_FORMAT, checkpoint: request.checkpoint };
  if (request.exportSeq !== undefined) {
    head.export = entry(request.exportSeq, exportLeaf!);
  }
  if (request.since?.length) {
    head.consistency = request.since.map((from) => consistencyFrom(tree, checkpoint, from, key));
  }
  await writeChunk(out, `${JSON.stringify(head).slice(0, -1)},\n"events":[`);
  // The hashes of the tree's right edge (at most one a level), which no level stores, each computed once.
  const edges = new Map<number, Uint8Array>();
  const rightEdge = (start: number): Uint8Array => {
    let hash = edges.get(start);
    if (!hash) {
      hash = tree.rangeHash(start, checkpoint.size);
      edges.set(start, hash);
    }
    return hash;
  };
  for (let at = 0; at < seqs.length; at += ENTRY_PAGE) {
    const page = seqs.slice(at, at + ENTRY_PAGE);
    // The leaf's columns only (not the stored hash), in seq order.
    const rows = await db.selectFrom('audit_events').select(AUDIT_LEAF_FIELDS).where('seq', 'in', page).orderBy('seq').execute();
    if (rows.length !== page.length) {
      throw new CodedError('conflict', 'An exported event is missing from the audit log; run npm run audit:verify.');
    }
    let chunk = '';
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i]!;
      chunk += `${at + i === 0 ? '' : ','}\n${entryLine(tree, Number(row.seq), auditLeafText({ ...row, seq: Number(row.seq) }), rightEdge)}`;
    }
    await writeChunk(out, chunk);
  }
  await writeChunk(out, '\n]}\n');
  out.end();
}

/**
 * One event's line of the file: exactly `JSON.stringify` of `{ index, leaf, proof }` (base64 needs no
 * escaping in JSON), its proof read from the levels; `tree.size` is the checkpoint's size.
 */
export function entryLine(tree: MerkleLevels, seq: number, leaf: string, rightEdge: (start: number) => Uint8Array): string {
  let proof = '';
  forEachInclusionHash(tree, seq - 1, tree.size, (bytes, offset) => {
    proof += `${proof === '' ? '"' : ',"'}${Buffer.from(bytes.buffer, bytes.byteOffset + offset, 32).toString('base64')}"`;
  }, rightEdge);
  return `{"index":${seq - 1},"leaf":${JSON.stringify(leaf)},"proof":[${proof}]}`;
}
