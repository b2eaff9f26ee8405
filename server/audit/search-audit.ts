/**
 * Audit search queries, built apart from running them and always within the searcher's scope
 * (domain/policy/audit-policy.ts). Every query walks `audit_event_scopes` for one agency in seq
 * order; docs/audit.md names the index serving each filter.
 */
import type { Kysely, Selectable } from 'kysely';
import type { AuditEventTable, ServerDatabase } from '../../db/server/schema.ts';
import { AuditEventSchema, type AuditEvent, type AuditSearchPage, type AuditSearchQuery } from '../../domain/audit/audit-search.ts';
import type { AuditScope } from '../../domain/policy/audit-policy.ts';
import { loadAuditValues, restoreDetails, restoreJustification, type KeptValues } from './audit-values.ts';

/** The search as a query: events in `scope` matching the filters, newest first, one row beyond the page. */
export function auditSearchQuery(db: Kysely<ServerDatabase>, scope: AuditScope, q: AuditSearchQuery) {
  let query = db.selectFrom('audit_event_scopes as s').innerJoin('audit_events as e', 'e.seq', 's.seq')
    .leftJoin('users as u', 'u.id', 'e.user_id').leftJoin('agencies as a', 'a.id', 'e.agency_id')
    .selectAll('e').select(['s.case_id as subject_case_id', 's.person_id as subject_person_id', 'u.display_name as user_name', 'a.name as agency_name'])
    .where('s.agency_id', '=', scope.agencyId);
  if (scope.kind === 'staff') {
    // A manager with no team has no staff: the membership list is empty, and so is the page.
    const teamIds = scope.teamIds.length > 0 ? [...scope.teamIds] : [''];
    query = query.where('e.user_id', 'in', db.selectFrom('user_teams').select('user_id').where('team_id', 'in', teamIds));
  }
  if (q.userId !== undefined) {
    query = query.where('e.user_id', '=', q.userId);
  }
  if (q.agencyId !== undefined) {
    query = query.where('e.agency_id', '=', q.agencyId);
  }
  if (q.teamId !== undefined) {
    query = query.where('e.user_id', 'in', db.selectFrom('user_teams').select('user_id').where('team_id', '=', q.teamId));
  }
  if (q.caseId !== undefined) {
    query = query.where('s.case_id', '=', q.caseId);
  }
  if (q.personId !== undefined) {
    query = query.where('s.person_id', '=', q.personId);
  }
  if (q.entityType !== undefined) {
    query = query.where('e.entity_type', '=', q.entityType);
  }
  if (q.entityId !== undefined) {
    query = query.where('e.entity_id', '=', q.entityId);
  }
  if (q.action !== undefined) {
    query = query.where('e.action', '=', q.action);
  }
  if (q.category !== undefined) {
    query = query.where('e.category', '=', q.category);
  }
  // Times are stored as UTC ISO strings of one width, so text order is time order.
  if (q.from !== undefined) {
    query = query.where('e.at', '>=', q.from);
  }
  if (q.to !== undefined) {
    query = query.where('e.at', '<', q.to);
  }
  if (q.cursor !== undefined) {
    // Stated on both sides of the join: PostgreSQL does not carry an inequality across `e.seq = s.seq`,
    // and a merge join would otherwise walk every event above the cursor (all agencies') to reach it.
    query = query.where('s.seq', '<', q.cursor).where('e.seq', '<', q.cursor);
  }
  return query.orderBy('s.seq', 'desc').limit(q.limit + 1);
}

/** Runs the search and returns one page with the cursor for the next. */
export async function searchAudit(db: Kysely<ServerDatabase>, scope: AuditScope, q: AuditSearchQuery): Promise<AuditSearchPage> {
  const rows = await auditSearchQuery(db, scope, q).execute();
  // Update values, search terms and justifications are kept apart from the hashed events (audit-values.ts); put back what is still kept.
  const kept = await loadAuditValues(db, rows.slice(0, q.limit).map((row) => Number(row.seq)));
  const page = rows.slice(0, q.limit).map((row) => toAuditEvent(row, {
    caseId: row.subject_case_id, personId: row.subject_person_id, userName: row.user_name, agencyName: row.agency_name,
  }, kept.get(Number(row.seq))));
  const last = page.at(-1);
  return { events: page, nextCursor: rows.length > q.limit && last ? last.seq : null };
}

/** What the search joins to a stored row: the case and person it was indexed under, and who and which agency by name. */
export interface AuditEventContext {
  caseId: string | null;
  personId: string | null;
  userName: string | null;
  agencyName: string | null;
}

/** A stored row as the API shows it. */
export function toAuditEvent(
  row: Selectable<AuditEventTable>, context: AuditEventContext = { caseId: null, personId: null, userName: null, agencyName: null },
  kept?: KeptValues,
): AuditEvent {
  return AuditEventSchema.parse({
    seq: Number(row.seq), id: row.id, at: row.at, userId: row.user_id, userName: context.userName, agencyId: row.agency_id,
    agencyName: context.agencyName, teamId: row.team_id,
    deviceId: row.device_id, ip: row.ip, action: row.action, category: row.category, entityType: row.entity_type,
    entityId: row.entity_id, caseId: context.caseId, personId: context.personId, outcome: row.outcome,
    justification: restoreJustification(row.justification, kept), details: restoreDetails(JSON.parse(row.details) as unknown, kept), hash: row.hash,
  });
}
