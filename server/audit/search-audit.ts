/** Audit search queries: built apart from running them, scoped to one agency. */
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventTable, ServerDatabase } from '../../db/server/schema.ts';
import { AuditEventSchema, type AuditEvent, type AuditSearchPage, type AuditSearchQuery } from '../../domain/audit/audit-search.ts';

/** The search as a query: events of `agencyId` matching the filters, newest first, one row beyond the page. */
export function auditSearchQuery(db: Kysely<ServerDatabase>, agencyId: string, q: AuditSearchQuery) {
  let query = db.selectFrom('audit_events').selectAll().where('agency_id', '=', agencyId);
  if (q.userId !== undefined) {
    query = query.where('user_id', '=', q.userId);
  }
  if (q.entityType !== undefined) {
    query = query.where('entity_type', '=', q.entityType);
  }
  if (q.entityId !== undefined) {
    query = query.where('entity_id', '=', q.entityId);
  }
  if (q.action !== undefined) {
    query = query.where('action', '=', q.action);
  }
  // Times are stored as UTC ISO strings of one width, so text order is time order.
  if (q.from !== undefined) {
    query = query.where('at', '>=', q.from);
  }
  if (q.to !== undefined) {
    query = query.where('at', '<', q.to);
  }
  if (q.cursor !== undefined) {
    query = query.where('seq', '<', q.cursor);
  }
  return query.orderBy('seq', 'desc').limit(q.limit + 1);
}

/** Runs the search and returns one page with the cursor for the next. */
export async function searchAudit(db: Kysely<ServerDatabase>, agencyId: string, q: AuditSearchQuery): Promise<AuditSearchPage> {
  const rows = await auditSearchQuery(db, agencyId, q).execute();
  const page = rows.slice(0, q.limit).map(toAuditEvent);
  const last = page.at(-1);
  return { events: page, nextCursor: rows.length > q.limit && last ? last.seq : null };
}

/** A stored row as the API shows it. */
export function toAuditEvent(row: Selectable<AuditEventTable>): AuditEvent {
  return AuditEventSchema.parse({
    seq: Number(row.seq), id: row.id, at: row.at, userId: row.user_id, agencyId: row.agency_id, teamId: row.team_id,
    deviceId: row.device_id, ip: row.ip, action: row.action, category: row.category, entityType: row.entity_type,
    entityId: row.entity_id, outcome: row.outcome, justification: row.justification, details: JSON.parse(row.details) as unknown,
    hash: row.hash,
  });
}
