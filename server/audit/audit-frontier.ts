/** The Merkle log's frontier kept on the audit head row (migration 0015, docs/audit.md "The log"). */
import { auditLeafHash, type AuditLeafEvent } from '../../domain/audit/audit-event-leaf.ts';
import { appendToFrontier, decodeFrontier, encodeFrontier, type MerkleFrontier } from '../../domain/audit/merkle-frontier.ts';
import { sha256 } from './sha256.ts';

/** Reads the head's stored frontier for `size` events, failing loudly when it was tampered with. */
export function readStoredFrontier(size: number, stored: string): MerkleFrontier {
  const frontier = decodeFrontier(size, stored);
  if (!frontier) {
    throw new Error(`The audit head's tree frontier does not fit ${size} events.`);
  }
  return frontier;
}

/** The stored frontier after appending the event with `event.seq` (the head's new seq) as a leaf. */
export function appendAuditLeaf(stored: string, event: AuditLeafEvent): string {
  const frontier = readStoredFrontier(Number(event.seq) - 1, stored);
  return encodeFrontier(appendToFrontier(sha256, frontier, auditLeafHash(sha256, event)));
}
