/** The audit hash chain: each event's hash covers its content and the previous event's hash. */
import { createHash } from 'node:crypto';
import type { AuditEventTable } from '../../db/server/schema.ts';
import { auditLeafText } from '../../domain/audit/audit-event-leaf.ts';

/** The hash that precedes the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The columns the hash covers, in a fixed order (everything but the hash itself). */
export type HashedAuditFields = Omit<AuditEventTable, 'hash'>;

/** SHA-256 over the event's leaf text (a canonical JSON array of its fields, including `prev_hash` and `seq`). */
export function auditEventHash(event: HashedAuditFields): string {
  return createHash('sha256').update(auditLeafText({ ...event, seq: Number(event.seq) })).digest('hex');
}
