/** Kysely table type of the cache's audit outbox (migration 0006); merged into CacheDatabase. */
import type { Generated } from 'kysely';

/** A read answered from the offline copy, waiting for the server to acknowledge it; deleted only then. */
export interface CacheAuditOutboxTable {
  seq: Generated<number>;
  /** Chosen once here, so a report sent twice is recorded once. */
  client_event_id: string;
  /** Who read; only this user's token ever reports it. */
  user_id: string;
  /** When the user did it (ISO, UTC). */
  at: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  /** JSON of the event's details (search terms and results, a document's hash). */
  details: string;
}

/** The table 0006 adds; spread into CacheDatabase. */
export interface AuditOutboxDatabase {
  audit_outbox: CacheAuditOutboxTable;
}
