/** The audit hash chain: each event's hash covers its content and the previous event's hash. */
import { createHash } from 'node:crypto';
import type { AuditEventTable } from '../../db/server/schema.ts';

/** The hash that precedes the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The columns the hash covers, in a fixed order (everything but the hash itself). */
export type HashedAuditFields = Omit<AuditEventTable, 'hash'>;

/** SHA-256 over a canonical JSON array of the event's fields, including `prev_hash` and `seq`. */
export function auditEventHash(event: HashedAuditFields): string {
  const canonical = JSON.stringify([
    Number(event.seq), event.id, event.at, event.user_id, event.agency_id, event.team_id, event.device_id, event.ip,
    event.action, event.category, event.entity_type, event.entity_id, event.outcome, event.justification,
    event.details, event.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
