/**
 * Verifies a proof file as it is read (docs/audit.md, "Verifying an export"): the checkpoint first,
 * then each event entry as it arrives, holding only its seq and, for the file check, the digest of
 * its export cells (`ProvenRows`), then the export event and the trusted checkpoints.
 */
import { auditEventFromLeaf } from './audit-event-leaf.ts';
import type { AuditProofEntry } from './audit-proof-bundle.ts';
import type { NoteVerifierKey } from './signed-note.ts';
import { ProvenRows } from './proven-rows.ts';
import {
  checkProofEntry, finishProofCheck, openCheckpoint, type ProofBundleResult, type ProofCrypto, type ProofFileHead,
} from './verify-proof-bundle.ts';

/** The result, and the proven rows an export file is then checked against. */
export interface ProofStreamResult {
  result: ProofBundleResult;
  proven: ProvenRows;
}

/** Verifies `head` and `entries` with the log's verifier key; `trusted` are earlier checkpoints it must extend. */
export async function verifyProofStream(
  head: ProofFileHead, entries: AsyncIterable<AuditProofEntry>, key: NoteVerifierKey, crypto: ProofCrypto, trusted: readonly string[] = [],
): Promise<ProofStreamResult> {
  const proven = new ProvenRows(crypto.sha256);
  const checkpoint = openCheckpoint(head.checkpoint, key, crypto);
  if (!checkpoint.ok) {
    return { result: checkpoint, proven };
  }
  let previous = -1;
  for await (const entry of entries) {
    const problem = checkProofEntry(entry, previous, checkpoint.value, crypto.sha256);
    if (problem) {
      return { result: problem, proven };
    }
    previous = entry.index;
    proven.add(auditEventFromLeaf(entry.leaf)!, entry.leaf);
  }
  return { result: finishProofCheck(head, [...proven.allSeqs()], checkpoint.value, key, crypto, trusted), proven };
}
