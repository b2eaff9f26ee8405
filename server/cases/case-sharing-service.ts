/** Changes who may see a case (sharing) and who owns it (transfer): compare-and-set, `access` changes, audited. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { CaseSharingBody, CaseTransferBody } from '../../domain/entities/case.ts';
import { disallowedShareTargets } from '../../domain/policy/sharing-agreements.ts';
import { refreshCaseAudience } from '../access/case-audience.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { recordChange } from '../changes/record-change.ts';
import { loadCaseFor, type LoadedCase } from './case-policy-loader.ts';
import { assertTeamOfAgency, reloadCase } from './case-service.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';

type Trx = Transaction<ServerDatabase>;

const uniqueSorted = (ids: readonly string[]) => [...new Set(ids)].sort();

/**
 * Throws a validation error naming the agencies the owner has no sharing agreement with, when
 * `targets` (agencies, and the agencies of named teams and users) include any.
 */
export async function assertShareAllowed(trx: Trx, ownerAgencyId: string, targets: readonly string[]): Promise<void> {
  const owner = await trx.selectFrom('agencies').select('sharing_restricted').where('id', '=', ownerAgencyId).executeTakeFirstOrThrow();
  const partners = await trx.selectFrom('sharing_agreements').select('partner_agency_id').where('agency_id', '=', ownerAgencyId).execute();
  const refused = disallowedShareTargets(ownerAgencyId, {
    restricted: Number(owner.sharing_restricted) === 1, partnerAgencyIds: partners.map((p) => p.partner_agency_id),
  }, uniqueSorted(targets));
  if (refused.length > 0) {
    const names = await trx.selectFrom('agencies').select(['name', 'code']).where('id', 'in', refused).orderBy('code').execute();
    throw new CodedError('validation_error', `No information sharing agreement with: ${names.map((n) => `${n.name} (${n.code})`).join(', ')}.`);
  }
}

/** The agencies of named teams and users, checking that each exists (validation error otherwise). */
export async function granteeAgencies(trx: Trx, agencyIds: readonly string[], teamIds: readonly string[], userIds: readonly string[]): Promise<string[]> {
  const result = new Set<string>();
  const check = (rows: { id: string; agency: string }[], ids: readonly string[], field: string) => {
    if (rows.length !== new Set(ids).size) {
      throw new CodedError('validation_error', `Invalid body at ${field}: unknown id.`);
    }
    rows.forEach((r) => result.add(r.agency));
  };
  if (agencyIds.length > 0) {
    check(await trx.selectFrom('agencies').select(['id', 'id as agency']).where('id', 'in', [...agencyIds]).execute(), agencyIds, 'agencyIds');
  }
  if (teamIds.length > 0) {
    check(await trx.selectFrom('teams').select(['id', 'agency_id as agency']).where('id', 'in', [...teamIds]).execute(), teamIds, 'teamIds');
  }
  if (userIds.length > 0) {
    check(await trx.selectFrom('users').select(['id', 'agency_id as agency']).where('id', 'in', [...userIds]).execute(), userIds, 'userIds');
  }
  return [...result];
}

/** Replaces a case's sharing (level, named agencies, teams, users, search flag); owner agency deciders only. */
export async function shareCase(trx: Trx, w: WriteContext, caseId: string, body: CaseSharingBody): Promise<LoadedCase> {
  const at = isoOf(w);
  const { row, policy } = await loadCaseFor(trx, caseId, w.user, at, 'share');
  const shared = body.sharingLevel === 'shared';
  // Named grantees only mean something at level `shared`; other levels clear them.
  const next = {
    agencyIds: shared ? uniqueSorted(body.agencyIds.filter((a) => a !== row.owner_agency_id)) : [],
    teamIds: shared ? uniqueSorted(body.teamIds) : [],
    userIds: shared ? uniqueSorted(body.userIds) : [],
  };
  await assertShareAllowed(trx, row.owner_agency_id, await granteeAgencies(trx, next.agencyIds, next.teamIds, next.userIds));
  const seq = await recordChange(trx, { entity: 'case', entityId: caseId, op: 'access', caseId, at });
  const result = await trx.updateTable('cases')
    .set((eb) => ({ sharing_level: body.sharingLevel, hidden_from_search: body.hiddenFromSearch ? 1 : 0, updated_at: at, seq, version: eb('version', '+', 1) }))
    .where('id', '=', caseId).where('version', '=', body.expectedVersion).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new CodedError('conflict', 'The case changed since you loaded it; reload and try again.');
  }
  await trx.deleteFrom('case_shared_agencies').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('case_shared_teams').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('case_shared_users').where('case_id', '=', caseId).execute();
  if (next.agencyIds.length > 0) {
    await trx.insertInto('case_shared_agencies').values(next.agencyIds.map((agency_id) => ({ case_id: caseId, agency_id }))).execute();
  }
  if (next.teamIds.length > 0) {
    await trx.insertInto('case_shared_teams').values(next.teamIds.map((team_id) => ({ case_id: caseId, team_id }))).execute();
  }
  if (next.userIds.length > 0) {
    await trx.insertInto('case_shared_users').values(next.userIds.map((user_id) => ({ case_id: caseId, user_id }))).execute();
  }
  await refreshCaseAudience(trx, [caseId]);
  const changes = {
    sharingLevel: [row.sharing_level, body.sharingLevel],
    sharedAgencyIds: [policy.sharedAgencyIds, next.agencyIds],
    sharedTeamIds: [policy.sharedTeamIds, next.teamIds],
    sharedUserIds: [policy.sharedUserIds, next.userIds],
    hiddenFromSearch: [Number(row.hidden_from_search) === 1, body.hiddenFromSearch],
  };
  await recordAudit(trx, { actor: w.actor, action: 'record.share_change', entityType: 'case', entityId: caseId, outcome: 'success', at: w.now, details: { changes } });
  for (const agencyId of next.agencyIds.filter((a) => !policy.sharedAgencyIds.includes(a))) {
    await notifyUsers(trx, 'case_shared', { agencyId, teamId: null, userId: null }, { caseId }, at);
  }
  return reloadCase(trx, w, caseId);
}

/** Transfers a case to another agency (and optionally one of its teams); the owner user is cleared. */
export async function transferCase(trx: Trx, w: WriteContext, caseId: string, body: CaseTransferBody): Promise<LoadedCase> {
  const at = isoOf(w);
  const { row } = await loadCaseFor(trx, caseId, w.user, at, 'transfer');
  const agency = await trx.selectFrom('agencies').select('id').where('id', '=', body.toAgencyId).executeTakeFirst();
  if (!agency) {
    throw new CodedError('validation_error', 'Invalid body at toAgencyId: unknown agency.');
  }
  const toTeamId = body.toTeamId ?? null;
  if (toTeamId !== null) {
    await assertTeamOfAgency(trx, toTeamId, body.toAgencyId, 'toTeamId');
  }
  const seq = await recordChange(trx, { entity: 'case', entityId: caseId, op: 'access', caseId, at });
  const result = await trx.updateTable('cases')
    .set((eb) => ({ owner_agency_id: body.toAgencyId, owner_team_id: toTeamId, owner_user_id: null, updated_at: at, seq, version: eb('version', '+', 1) }))
    .where('id', '=', caseId).where('version', '=', body.expectedVersion).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new CodedError('conflict', 'The case changed since you loaded it; reload and try again.');
  }
  // The new owner is no longer a share target of its own case.
  await trx.deleteFrom('case_shared_agencies').where('case_id', '=', caseId).where('agency_id', '=', body.toAgencyId).execute();
  await refreshCaseAudience(trx, [caseId]);
  const changes = {
    ownerAgencyId: [row.owner_agency_id, body.toAgencyId], ownerTeamId: [row.owner_team_id, toTeamId], ownerUserId: [row.owner_user_id, null],
  };
  await recordAudit(trx, { actor: w.actor, action: 'record.transfer', entityType: 'case', entityId: caseId, outcome: 'success', at: w.now, details: { changes } });
  return reloadCase(trx, w, caseId);
}
