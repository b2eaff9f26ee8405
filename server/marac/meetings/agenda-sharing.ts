/**
 * Sharing an agenda case with the meeting's agencies (docs/marac.md, "Who sees an agenda case"):
 * the agencies whose attendee acknowledged confidentiality are added to a `shared` case's agencies,
 * within the owner's sharing agreements, as an `access` change (so their devices pull it) and a
 * `record.share_change` audit event naming the meeting. Nothing else about the case changes.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { agendaShareTargets } from '../../../domain/policy/marac-meeting-policy.ts';
import { refreshCaseAudience } from '../../access/case-audience.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { loadCaseShares, policyOf } from '../../cases/case-policy-loader.ts';
import { recordChange } from '../../changes/record-change.ts';
import { isoOf, type WriteContext } from '../../changes/write-context.ts';
import { notifyUsers } from '../../notifications/notify-users.ts';

type Trx = Transaction<ServerDatabase>;

/** Shares the case with those of `agencyIds` the policy allows; answers the agencies refused for want of an agreement. */
export async function shareAgendaCase(trx: Trx, w: WriteContext, meetingId: string, caseId: string, agencyIds: readonly string[]): Promise<string[]> {
  if (agencyIds.length === 0) {
    return [];
  }
  const at = isoOf(w);
  const row = await trx.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const policy = policyOf(row, await loadCaseShares(trx, [caseId], w.user.id));
  const owner = await trx.selectFrom('agencies').select('sharing_restricted').where('id', '=', row.owner_agency_id).executeTakeFirstOrThrow();
  const partners = await trx.selectFrom('sharing_agreements').select('partner_agency_id').where('agency_id', '=', row.owner_agency_id).execute();
  const share = agendaShareTargets(policy, {
    restricted: Number(owner.sharing_restricted) === 1, partnerAgencyIds: partners.map((p) => p.partner_agency_id),
  }, agencyIds);
  if (share.add.length === 0) {
    return share.refused;
  }
  // Logged before the write, so the change log reads who saw the case before it widened.
  const seq = await recordChange(trx, { entity: 'case', entityId: caseId, op: 'access', caseId, at });
  await trx.insertInto('case_shared_agencies').values(share.add.map((agency_id) => ({ case_id: caseId, agency_id }))).execute();
  await trx.updateTable('cases').set((eb) => ({ seq, updated_at: at, version: eb('version', '+', 1) })).where('id', '=', caseId).execute();
  await refreshCaseAudience(trx, [caseId]);
  await recordAudit(trx, {
    actor: w.actor, action: 'record.share_change', entityType: 'case', entityId: caseId, outcome: 'success', at: w.now,
    details: { reason: 'marac_agenda', meetingId, addedAgencyIds: share.add, refusedAgencyIds: share.refused },
  });
  for (const agencyId of share.add) {
    await notifyUsers(trx, 'case_shared', { agencyId, teamId: null, userId: null }, { caseId }, at);
  }
  return share.refused;
}

/** The agencies whose attendee has acknowledged the meeting's confidentiality. */
export async function acknowledgedAgencies(trx: Trx, meetingId: string): Promise<string[]> {
  const rows = await trx.selectFrom('marac_attendees').select('agency_id').where('meeting_id', '=', meetingId)
    .where('acknowledged_at', 'is not', null).execute();
  return [...new Set(rows.map((r) => r.agency_id))];
}
