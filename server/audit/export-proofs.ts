/**
 * Proofs for exports (docs/audit.md, "Export proofs"): given the exported events' seqs and a signed
 * checkpoint, the `casebridge-audit-proof/v1` file with each event's leaf and inclusion proof, and
 * consistency proofs from earlier checkpoints. The tree is rebuilt from the events in memory (64
 * bytes a leaf), and its root must equal the checkpoint's before any proof is given.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { auditLeafText } from '../../domain/audit/audit-event-leaf.ts';
import { AUDIT_PROOF_FORMAT, exportSeqsText, type AuditProofBundle, type AuditProofEntry } from '../../domain/audit/audit-proof-bundle.ts';
import { toBase64, toHex } from '../../domain/audit/base64.ts';
import { bytesEqual } from '../../domain/audit/merkle-hash.ts';
import { buildMerkleLevels } from '../../domain/audit/merkle-levels.ts';
import { merkleConsistencyProof, merkleInclusionProof, merkleRoot, type MerkleRangeHasher } from '../../domain/audit/merkle-proofs.ts';
import { openSignedNote, type NoteVerifierKey } from '../../domain/audit/signed-note.ts';
import { parseCheckpoint, type Checkpoint } from '../../domain/audit/tlog-checkpoint.ts';
import { CodedError } from '../../domain/errors.ts';
import { forEachAuditLeaf } from './audit-leaves.ts';
import { verifyEd25519 } from './ed25519.ts';
import { sha256 } from './sha256.ts';

/** What to prove. */
export interface ExportProofRequest {
  /** The exported events' seqs, in any order; each must be within the checkpoint. */
  seqs: readonly number[];
  /** The signed checkpoint the proofs are against (a signed note, e.g. from the checkpoint signer). */
  checkpoint: string;
  /** The event that recorded the export, whose details hold `exportProofDetails(seqs)`. */
  exportSeq?: number;
  /** Earlier checkpoints (signed notes) to prove the export's checkpoint extends. */
  since?: readonly string[];
}

/** The fields an export's own audit event should carry in its details, so the proof file's rows are fixed. */
export function exportProofDetails(seqs: readonly number[]): { proof_rows: number; proof_seqs_sha256: string } {
  const sorted = [...new Set(seqs)].sort((a, b) => a - b);
  return { proof_rows: sorted.length, proof_seqs_sha256: toHex(sha256(new TextEncoder().encode(exportSeqsText(sorted)))) };
}

/**
 * The same fields for seqs already ascending and distinct (an export's, as streamed), hashed in
 * slices so a million rows need no copy, set or 8 MB string.
 */
export function sortedExportProofDetails(seqs: readonly number[]): { proof_rows: number; proof_seqs_sha256: string } {
  const hash = createHash('sha256');
  for (let at = 0; at < seqs.length; at += 10_000) {
    hash.update(exportSeqsText(seqs.slice(at, at + 10_000)));
  }
  return { proof_rows: seqs.length, proof_seqs_sha256: hash.digest('hex') };
}

/** Builds the proof file; refuses (`conflict`) when the log no longer matches the checkpoint. */
export async function buildExportProofs(db: Kysely<ServerDatabase>, key: NoteVerifierKey, request: ExportProofRequest): Promise<AuditProofBundle> {
  const checkpoint = openCheckpoint(request.checkpoint, key);
  const seqs = [...new Set(request.seqs)].sort((a, b) => a - b);
  const wanted = new Set([...seqs, ...(request.exportSeq === undefined ? [] : [request.exportSeq])]);
  for (const seq of wanted) {
    if (!Number.isSafeInteger(seq) || seq < 1 || seq > checkpoint.size) {
      throw new CodedError('validation_error', `Event seq ${seq} is not within the checkpoint of ${checkpoint.size} events.`);
    }
  }
  const leaves = new Uint8Array(checkpoint.size * 32);
  const texts = new Map<number, string>();
  const gap = await forEachAuditLeaf(db, 1, checkpoint.size, (seq, leafHash, event) => {
    leaves.set(leafHash, (seq - 1) * 32);
    if (wanted.has(seq)) {
      texts.set(seq, auditLeafText(event));
    }
  });
  const tree = buildMerkleLevels(sha256, leaves, checkpoint.size);
  if (gap !== undefined || !bytesEqual(merkleRoot(tree, checkpoint.size), checkpoint.root)) {
    throw new CodedError('conflict', 'The audit log no longer matches this checkpoint; run npm run audit:verify.');
  }
  const entry = (seq: number): AuditProofEntry => ({
    index: seq - 1, leaf: texts.get(seq)!, proof: merkleInclusionProof(tree, seq - 1, checkpoint.size).map(toBase64),
  });
  return {
    format: AUDIT_PROOF_FORMAT,
    checkpoint: request.checkpoint,
    events: seqs.map(entry),
    ...(request.exportSeq === undefined ? {} : { export: entry(request.exportSeq) }),
    ...(request.since?.length ? { consistency: request.since.map((from) => consistencyFrom(tree, checkpoint, from, key)) } : {}),
  };
}

/** The consistency proof from an earlier checkpoint (`conflict` when the log does not extend it). */
export function consistencyFrom(tree: MerkleRangeHasher, checkpoint: Checkpoint, from: string, key: NoteVerifierKey): { from: string; proof: string[] } {
  const earlier = openCheckpoint(from, key);
  if (earlier.size > checkpoint.size || !bytesEqual(merkleRoot(tree, earlier.size), earlier.root)) {
    throw new CodedError('conflict', `The log does not extend the checkpoint of ${earlier.size} events.`);
  }
  return { from, proof: merkleConsistencyProof(tree, earlier.size, checkpoint.size).map(toBase64) };
}

/** The checkpoint a signed note holds, once its signature by `key` is checked (`validation_error` otherwise). */
export function openCheckpoint(note: string, key: NoteVerifierKey): Checkpoint {
  const body = openSignedNote(note, key, verifyEd25519);
  const checkpoint = body === undefined ? undefined : parseCheckpoint(body);
  if (checkpoint?.origin !== key.name) {
    throw new CodedError('validation_error', 'The checkpoint is not signed by this log\'s key.');
  }
  return checkpoint;
}
