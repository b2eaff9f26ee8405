/**
 * Audits a list read that returned content (docs/audit.md, "Lists"): one compact `record.list`
 * consultation event per answer, holding the kind, the ids returned and their count, never the content.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { recordAuditNow, type AuditActor } from './record-audit.ts';
import type { AuditSubject } from './audit-scopes.ts';

/** One list answer to record. `entityType`/`entityId` name what was listed under (a case, a person), when one thing. */
export interface ListRead {
  actor: AuditActor;
  /** What the list holds: `reports`, `tasks`, `markers`, `documents`, `cases`. */
  list: string;
  entityType: string | null;
  entityId: string | null;
  ids: readonly string[];
  /** The filters the caller used, when they say something (never free text already audited elsewhere). */
  filters?: Record<string, unknown>;
  subject?: AuditSubject;
  at: Date;
}

/** Records the list read in its own transaction. */
export async function recordListRead(db: Kysely<ServerDatabase>, read: ListRead): Promise<void> {
  await recordAuditNow(db, {
    actor: read.actor, action: 'record.list', entityType: read.entityType, entityId: read.entityId, outcome: 'success', at: read.at,
    details: { list: read.list, count: read.ids.length, ids: [...read.ids], ...(read.filters ? { filters: read.filters } : {}) },
    ...(read.subject ? { subject: read.subject } : {}),
  });
}

/** The agencies owning the cases of a list's records, so each owner's data officer sees the read. */
export async function caseOwnersOf(db: Kysely<ServerDatabase>, caseIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(caseIds)];
  if (unique.length === 0) {
    return [];
  }
  const rows = await db.selectFrom('cases').select('owner_agency_id').distinct().where('id', 'in', unique).execute();
  return rows.map((r) => r.owner_agency_id);
}
