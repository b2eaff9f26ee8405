/** Changes a report's restriction: author only, within the sharing agreements, never wider than its case, compare-and-set. */
import type { Selectable, Transaction } from 'kysely';
import type { ReportTable, ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { ReportSharingBody } from '../../domain/entities/sharing.ts';
import { fitsCase, widerThanCase } from '../../domain/policy/within-case.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { loadCase } from '../cases/case-policy-loader.ts';
import { assertShareAllowed, granteeAgencies } from '../cases/case-sharing-service.ts';
import { directoryLookup } from '../cases/sharing-directory.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import { recordChange } from '../changes/record-change.ts';
import { loadVisibleReport } from './report-queries.ts';

type Trx = Transaction<ServerDatabase>;

const uniqueSorted = (ids: readonly string[]) => [...new Set(ids)].sort();

/** Replaces the report's sharing level and named grantees; a stale `expectedVersion` is a conflict. */
export async function shareReport(trx: Trx, w: WriteContext, reportId: string, body: ReportSharingBody): Promise<Selectable<ReportTable>> {
  const at = isoOf(w);
  const row = await loadVisibleReport(trx, reportId, w.user, at);
  if (row.author_user_id !== w.user.id) {
    throw new CodedError('authorization_error', 'Only the author may change who sees a report.');
  }
  const shared = body.sharingLevel === 'shared';
  const next = {
    agencyIds: shared ? uniqueSorted(body.agencyIds.filter((a) => a !== row.author_agency_id)) : [],
    teamIds: shared ? uniqueSorted(body.teamIds) : [],
    userIds: shared ? uniqueSorted(body.userIds) : [],
  };
  await assertShareAllowed(trx, row.author_agency_id, await granteeAgencies(trx, next.agencyIds, next.teamIds, next.userIds));
  const loaded = await loadCase(trx, row.case_id, w.user);
  if (!loaded) {
    throw new CodedError('not_found', 'No such report.');
  }
  const lookup = await directoryLookup(trx, next.teamIds, next.userIds);
  const wider = widerThanCase(loaded.policy, {
    level: body.sharingLevel, owner: { ...w.user, teamId: row.author_team_id }, ...next,
  }, lookup);
  if (!fitsCase(wider)) {
    throw new CodedError('validation_error', 'A report cannot be shared more widely than its case: choose people who can already see the case.');
  }
  // `access`, recorded before the write so it captures who could see the report: a narrowed report leaves their desktops.
  await recordChange(trx, { entity: 'report', entityId: row.id, op: 'access', caseId: row.case_id, at });
  const result = await trx.updateTable('reports').set({ sharing_level: body.sharingLevel, updated_at: at, version: row.version + 1 })
    .where('id', '=', row.id).where('version', '=', body.expectedVersion).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new CodedError('conflict', 'The report changed since you loaded it; reload and try again.');
  }
  const before = await trx.selectFrom('report_shares').select(['grantee_kind', 'grantee_id']).where('report_id', '=', row.id).orderBy('grantee_id').execute();
  await trx.deleteFrom('report_shares').where('report_id', '=', row.id).execute();
  const grantees = [
    ...next.agencyIds.map((grantee_id) => ({ grantee_kind: 'agency', grantee_id })),
    ...next.teamIds.map((grantee_id) => ({ grantee_kind: 'team', grantee_id })),
    ...next.userIds.map((grantee_id) => ({ grantee_kind: 'user', grantee_id })),
  ];
  if (grantees.length > 0) {
    await trx.insertInto('report_shares').values(grantees.map((g) => ({ report_id: row.id, ...g }))).execute();
  }
  const of = (kind: string) => before.filter((b) => b.grantee_kind === kind).map((b) => b.grantee_id);
  const changes = {
    sharingLevel: [row.sharing_level, body.sharingLevel],
    sharedAgencyIds: [of('agency'), next.agencyIds], sharedTeamIds: [of('team'), next.teamIds], sharedUserIds: [of('user'), next.userIds],
  };
  await recordAudit(trx, { actor: w.actor, action: 'record.share_change', entityType: 'report', entityId: row.id, outcome: 'success', at: w.now, details: { changes } });
  return loadVisibleReport(trx, row.id, w.user, at);
}
