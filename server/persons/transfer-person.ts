/** Transfers ownership of a person to another agency: owner agency deciders only, compare-and-set, audited and synced as an access change. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { disallowedShareTargets } from '../../domain/policy/sharing-agreements.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { capturePrior } from '../changes/capture-prior.ts';
import { recordChange } from '../changes/record-change.ts';
import { loadFullPerson, requireAbility } from './person-access.ts';
import type { WriteContext } from '../changes/write-context.ts';

/** Moves the person to `toAgencyId`; returns the new version. */
export async function transferPerson(
  trx: Transaction<ServerDatabase>, w: WriteContext, id: string, toAgencyId: string, expectedVersion: number,
): Promise<number> {
  const { user } = w;
  const at = w.now.toISOString();
  const { row, abilities } = await loadFullPerson(trx, user, at, id);
  requireAbility(abilities, 'transfer', "Only a team manager or agency admin of the person's owner agency may transfer them.");
  if (toAgencyId === row.owner_agency_id) {
    throw new CodedError('validation_error', 'The person is already owned by that agency.');
  }
  const target = await trx.selectFrom('agencies').select('id').where('id', '=', toAgencyId).executeTakeFirst();
  if (!target) {
    throw new CodedError('validation_error', 'No such agency to transfer to.');
  }
  // Ownership discloses the record, so the sharing-agreement matrix applies as it does to shares.
  const owner = await trx.selectFrom('agencies').select('sharing_restricted').where('id', '=', row.owner_agency_id).executeTakeFirstOrThrow();
  const partners = await trx.selectFrom('sharing_agreements').select('partner_agency_id').where('agency_id', '=', row.owner_agency_id).execute();
  const refused = disallowedShareTargets(row.owner_agency_id, {
    restricted: Number(owner.sharing_restricted) === 1, partnerAgencyIds: partners.map((p) => p.partner_agency_id),
  }, [toAgencyId]);
  if (refused.length > 0) {
    throw new CodedError('authorization_error', 'Your agency has no information-sharing agreement with that agency.');
  }
  const prior = await capturePrior(trx, 'person', id, at);
  const updated = await trx.updateTable('persons').set({ owner_agency_id: toAgencyId, updated_at: at, version: expectedVersion + 1 })
    .where('id', '=', id).where('version', '=', expectedVersion).where('owner_agency_id', '=', row.owner_agency_id)
    .where('merged_into_id', 'is', null).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new CodedError('conflict', 'The person was changed by someone else; reload and try again.');
  }
  await recordChange(trx, { entity: 'person', entityId: id, op: 'access', at, prior });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.transfer', entityType: 'person', entityId: id, outcome: 'success', at: w.now,
    details: { changes: { ownerAgencyId: [row.owner_agency_id, toAgencyId] } },
  });
  return expectedVersion + 1;
}
