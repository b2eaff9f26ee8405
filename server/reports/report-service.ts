/** Writes reports: create with an optional narrower restriction, and author edits that keep versions. */
import type { Selectable, Transaction } from 'kysely';
import type { ReportTable, ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { CreateReportBody, PatchReportBody } from '../../domain/entities/report.ts';
import { newId } from '../../domain/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCaseFor } from '../cases/case-policy-loader.ts';
import { assertWithinCase } from '../cases/assert-within-case.ts';
import { assertShareAllowed, granteeAgencies } from '../cases/case-sharing-service.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import { recordChange } from '../changes/record-change.ts';
import { loadVisibleReport } from './report-queries.ts';

type Trx = Transaction<ServerDatabase>;

/**
 * Adds a report to a case the caller may add reports to. `case` follows the case; any other level
 * restricts it further and must not admit anyone the case does not (refused, nothing written).
 */
export async function createReport(trx: Trx, w: WriteContext, caseId: string, body: CreateReportBody, id: string = newId()): Promise<Selectable<ReportTable>> {
  const at = isoOf(w);
  await loadCaseFor(trx, caseId, w.user, at, 'add_report');
  const teamId = body.authorTeamId === undefined ? (w.user.teamIds[0] ?? null) : body.authorTeamId;
  if (teamId !== null && !w.user.teamIds.includes(teamId)) {
    throw new CodedError('validation_error', 'Invalid body at authorTeamId: not one of your teams.');
  }
  const shared = body.sharingLevel === 'shared';
  const grantees = [
    ...(shared ? [...new Set(body.agencyIds)] : []).map((grantee_id) => ({ grantee_kind: 'agency', grantee_id })),
    ...(shared ? [...new Set(body.teamIds)] : []).map((grantee_id) => ({ grantee_kind: 'team', grantee_id })),
    ...(shared ? [...new Set(body.userIds)] : []).map((grantee_id) => ({ grantee_kind: 'user', grantee_id })),
  ];
  if (shared) {
    await assertShareAllowed(trx, w.user.agencyId, await granteeAgencies(trx, body.agencyIds, body.teamIds, body.userIds));
  }
  // Never wider than the case, from the start as on every later change (nothing is written yet).
  await assertWithinCase(trx, caseId, w.user, {
    level: body.sharingLevel, owner: { ...w.user, teamId },
    agencyIds: shared ? [...new Set(body.agencyIds)] : [], teamIds: shared ? [...new Set(body.teamIds)] : [], userIds: shared ? [...new Set(body.userIds)] : [],
  }, 'report');
  await trx.insertInto('reports').values({
    id, case_id: caseId, kind: body.kind, title: body.title, body: body.body, author_user_id: w.user.id, author_agency_id: w.user.agencyId,
    author_team_id: teamId, sharing_level: body.sharingLevel, created_at: at, updated_at: at, version: 1,
  }).execute();
  if (grantees.length > 0) {
    await trx.insertInto('report_shares').values(grantees.map((g) => ({ report_id: id, ...g }))).execute();
  }
  await recordChange(trx, { entity: 'report', entityId: id, op: 'upsert', caseId, at });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.create', entityType: 'report', entityId: id, outcome: 'success', at: w.now,
    details: { caseId, kind: body.kind, sharingLevel: body.sharingLevel },
  });
  return loadVisibleReport(trx, id, w.user, at);
}

/**
 * Edits a report's text (author only); the previous text is kept in report_versions and the version
 * bumps. With `expectedVersion`, an edit of a report changed since that version is refused with
 * `conflict` and nothing is written (an edit that changes nothing is no edit, whatever its version).
 */
export async function updateReport(trx: Trx, w: WriteContext, reportId: string, patch: PatchReportBody): Promise<Selectable<ReportTable>> {
  const at = isoOf(w);
  const row = await loadVisibleReport(trx, reportId, w.user, at);
  if (row.author_user_id !== w.user.id) {
    throw new CodedError('authorization_error', 'Only the author may edit a report.');
  }
  const title = patch.title ?? row.title;
  const text = patch.body ?? row.body;
  if (title === row.title && text === row.body) {
    return row;
  }
  if (patch.expectedVersion !== undefined && patch.expectedVersion !== row.version) {
    throw new CodedError('conflict', 'The report changed since you loaded it; reload and try again.');
  }
  await trx.insertInto('report_versions').values({
    id: newId(), report_id: row.id, version: row.version, title: row.title, body: row.body, edited_by: row.author_user_id, edited_at: row.updated_at,
  }).execute();
  // Compare-and-set on the version read, so two edits can never both claim the next version.
  const result = await trx.updateTable('reports').set({ title, body: text, updated_at: at, version: row.version + 1 })
    .where('id', '=', row.id).where('version', '=', row.version).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new CodedError('conflict', 'The report changed since you loaded it; reload and try again.');
  }
  await recordChange(trx, { entity: 'report', entityId: row.id, op: 'upsert', caseId: row.case_id, at });
  const changes: Record<string, [unknown, unknown]> = { version: [row.version, row.version + 1] };
  if (title !== row.title) {
    changes.title = [row.title, title];
  }
  if (text !== row.body) {
    // The text itself is kept in report_versions; the audit trail records that it changed, not the content.
    changes.body = [`version ${row.version}`, `version ${row.version + 1}`];
  }
  await recordAudit(trx, { actor: w.actor, action: 'record.update', entityType: 'report', entityId: row.id, outcome: 'success', at: w.now, details: { changes } });
  return loadVisibleReport(trx, row.id, w.user, at);
}
