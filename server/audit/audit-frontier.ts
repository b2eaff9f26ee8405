/**
 * The Merkle log's frontier kept on the audit head row (migration 0015, docs/audit.md "The log"):
 * the same hex text as the domain's `encodeFrontier`, read and written with Buffer, since this runs
 * inside every audited write.
 */
import { auditLeafHash, type AuditLeafEvent } from '../../domain/audit/audit-event-leaf.ts';
import { appendToFrontier, frontierLength, type MerkleFrontier } from '../../domain/audit/merkle-frontier.ts';
import { sha256 } from './sha256.ts';

/** Reads the head's stored frontier for `size` events, failing loudly when it was tampered with. */
export function readStoredFrontier(size: number, stored: string): MerkleFrontier {
  const count = frontierLength(size);
  if (stored.length !== count * 64 || !/^[0-9a-f]*$/.test(stored)) {
    throw new Error(`The audit head's tree frontier does not fit ${size} events.`);
  }
  const bytes = Buffer.from(stored, 'hex');
  return { size, nodes: Array.from({ length: count }, (_, i) => bytes.subarray(i * 32, (i + 1) * 32)) };
}

/** The stored frontier after appending the event with `event.seq` (the head's new seq) as a leaf. */
export function appendAuditLeaf(stored: string, event: AuditLeafEvent): string {
  const frontier = readStoredFrontier(Number(event.seq) - 1, stored);
  const next = appendToFrontier(sha256, frontier, auditLeafHash(sha256, event));
  return Buffer.concat(next.nodes).toString('hex');
}
