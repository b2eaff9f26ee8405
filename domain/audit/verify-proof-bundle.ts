/**
 * Checks an export proof file offline (`npm run audit:verify-export`): the checkpoint is signed by
 * the log's key, every event is in the log at its seq, the export event (when present) names
 * exactly these rows, and each earlier checkpoint given is a prefix of the bundle's checkpoint.
 */
import { auditEventFromLeaf } from './audit-event-leaf.ts';
import { exportSeqsText, type AuditProofBundle, type AuditProofEntry } from './audit-proof-bundle.ts';
import { fromBase64, toHex } from './base64.ts';
import { merkleLeafHash, type Sha256 } from './merkle-hash.ts';
import { verifyMerkleConsistency, verifyMerkleInclusion } from './merkle-verify.ts';
import { openSignedNote, type Ed25519Verify, type NoteVerifierKey } from './signed-note.ts';
import { parseCheckpoint, type Checkpoint } from './tlog-checkpoint.ts';

/** Why a proof file fails. */
export type ProofBundleProblem =
  | 'checkpoint_signature' | 'checkpoint_malformed' | 'event_not_in_log' | 'event_out_of_order'
  | 'export_rows_mismatch' | 'inconsistent' | 'missing_consistency';

/** The outcome: what was proven, or the first thing that failed (with the seq of the first bad event when there is one). */
export type ProofBundleResult =
  | { ok: true; checkpoint: Checkpoint; events: number; consistentFrom: number[] }
  | { ok: false; problem: ProofBundleProblem; seq?: number; message: string };

/** The crypto the verifier needs. */
export interface ProofCrypto {
  sha256: Sha256;
  verifyEd25519: Ed25519Verify;
}

/** Verifies `bundle` with the log's verifier key; `trusted` are earlier checkpoints (signed notes) it must extend. */
export function verifyProofBundle(
  bundle: AuditProofBundle, key: NoteVerifierKey, crypto: ProofCrypto, trusted: readonly string[] = [],
): ProofBundleResult {
  const checkpoint = openCheckpoint(bundle.checkpoint, key, crypto);
  if (!checkpoint.ok) {
    return checkpoint;
  }
  const cp = checkpoint.value;
  let previous = -1;
  for (const entry of bundle.events) {
    const problem = checkProofEntry(entry, previous, cp, crypto.sha256);
    if (problem) {
      return problem;
    }
    previous = entry.index;
  }
  return finishProofCheck(bundle, bundle.events.map((e) => e.index + 1), cp, key, crypto, trusted);
}

/** A proof file without its events: what must be known before they are read one by one. */
export type ProofFileHead = Omit<AuditProofBundle, 'events'>;

/** The first failure of one event entry read after the entry at `previousIndex` (-1 for the first), or undefined when it is in the log. */
export function checkProofEntry(entry: AuditProofEntry, previousIndex: number, cp: Checkpoint, sha256: Sha256): ProofBundleFailure | undefined {
  const seq = entry.index + 1;
  if (entry.index <= previousIndex) {
    return { ok: false, problem: 'event_out_of_order', seq, message: `Event seq ${seq} comes after seq ${previousIndex + 1}: rows were reordered or repeated.` };
  }
  if (!entryInLog(entry, cp, sha256)) {
    return { ok: false, problem: 'event_not_in_log', seq, message: `Event seq ${seq} is not in the log at checkpoint ${cp.size}: it was changed, moved or never logged.` };
  }
  return undefined;
}

/** Once every event passed: the export event names exactly `seqs`, and each trusted checkpoint is extended. */
export function finishProofCheck(
  head: ProofFileHead, seqs: readonly number[], cp: Checkpoint, key: NoteVerifierKey, crypto: ProofCrypto, trusted: readonly string[],
): ProofBundleResult {
  const rows = checkExportEvent(head, seqs, cp, crypto.sha256);
  if (rows) {
    return rows;
  }
  const consistentFrom: number[] = [];
  for (const note of trusted) {
    const result = checkTrusted(note, head, cp, key, crypto);
    if (!result.ok) {
      return result;
    }
    consistentFrom.push(result.value);
  }
  return { ok: true, checkpoint: cp, events: seqs.length, consistentFrom };
}

/** A failed check. */
export type ProofBundleFailure = Extract<ProofBundleResult, { ok: false }>;

type Step<T> = { ok: true; value: T } | ProofBundleFailure;

/** The bundle's checkpoint, opened with the log's key, or why it cannot be. */
export function openCheckpoint(note: string, key: NoteVerifierKey, crypto: ProofCrypto): Step<Checkpoint> {
  const body = openSignedNote(note, key, crypto.verifyEd25519);
  if (body === undefined) {
    return { ok: false, problem: 'checkpoint_signature', message: `The checkpoint is not signed by the audit key ${key.name}.` };
  }
  const checkpoint = parseCheckpoint(body);
  if (checkpoint?.origin !== key.name) {
    return { ok: false, problem: 'checkpoint_malformed', message: 'The signed checkpoint is not a tlog-checkpoint of this log.' };
  }
  return { ok: true, value: checkpoint };
}

function entryInLog(entry: AuditProofEntry, cp: Checkpoint, sha256: Sha256): boolean {
  const event = auditEventFromLeaf(entry.leaf);
  const proof = entry.proof.map(fromBase64);
  if (event?.seq !== entry.index + 1 || proof.some((p) => p === undefined)) {
    return false;
  }
  const leafHash = merkleLeafHash(sha256, new TextEncoder().encode(entry.leaf));
  return verifyMerkleInclusion(sha256, leafHash, entry.index, cp.size, proof as Uint8Array[], cp.root);
}

function checkExportEvent(head: ProofFileHead, seqs: readonly number[], cp: Checkpoint, sha256: Sha256): ProofBundleResult | undefined {
  const entry = head.export;
  if (!entry) {
    return undefined;
  }
  if (!entryInLog(entry, cp, sha256)) {
    return { ok: false, problem: 'event_not_in_log', seq: entry.index + 1, message: `The export's own event seq ${entry.index + 1} is not in the log.` };
  }
  const details = parseDetails(auditEventFromLeaf(entry.leaf)!.details);
  const digest = toHex(sha256(new TextEncoder().encode(exportSeqsText(seqs))));
  if (details.proof_rows !== seqs.length || details.proof_seqs_sha256 !== digest) {
    const recorded = typeof details.proof_rows === 'number' ? details.proof_rows : 'no';
    return { ok: false, problem: 'export_rows_mismatch', message: `The export event records ${recorded} rows with another seq list than the ${seqs.length} here: rows were removed or added.` };
  }
  return undefined;
}

function parseDetails(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null ? parsed as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

function checkTrusted(note: string, bundle: ProofFileHead, cp: Checkpoint, key: NoteVerifierKey, crypto: ProofCrypto): Step<number> {
  const earlier = openCheckpoint(note, key, crypto);
  if (!earlier.ok) {
    return { ...earlier, message: `Earlier checkpoint: ${earlier.message}` };
  }
  const from = earlier.value;
  if (cp.size < from.size) {
    return {
      ok: false, problem: 'inconsistent', seq: cp.size + 1,
      message: `The log shrank from ${from.size} to ${cp.size} events: events from seq ${cp.size + 1} were removed.`,
    };
  }
  const entry = bundle.consistency?.find((c) => c.from.trim() === note.trim());
  if (!entry && from.size !== cp.size) {
    return { ok: false, problem: 'missing_consistency', message: `The file carries no consistency proof from the checkpoint at size ${from.size}.` };
  }
  const proof = (entry?.proof ?? []).map(fromBase64);
  const consistent = proof.every((p) => p !== undefined)
    && verifyMerkleConsistency(crypto.sha256, from.size, cp.size, proof, from.root, cp.root);
  if (!consistent) {
    // Roots alone cannot say which leaf differs: the first bad event lies within the earlier checkpoint.
    return {
      ok: false, problem: 'inconsistent',
      message: `The log at ${cp.size} events does not extend the checkpoint at ${from.size}: an event among seqs 1–${from.size} was removed or rewritten since.`,
    };
  }
  return { ok: true, value: from.size };
}
