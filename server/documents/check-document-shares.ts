/** Validates a document's sharing: named grantees exist, and the sharing agreements allow them. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { DocumentShares, DocumentSharingLevel } from '../../domain/entities/document.ts';
import { CodedError } from '../../domain/errors.ts';
import { disallowedShareTargets } from '../../domain/policy/sharing-agreements.ts';

/** Throws validation_error unless the shares fit the level, exist, and are allowed for the owner agency. */
export async function checkDocumentShares(
  trx: Transaction<ServerDatabase>, ownerAgencyId: string, level: DocumentSharingLevel, shares: DocumentShares,
): Promise<void> {
  const named = shares.agencyIds.length + shares.teamIds.length + shares.userIds.length;
  if (level !== 'shared') {
    if (named > 0) {
      throw new CodedError('validation_error', 'Named shares need the sharing level "shared".');
    }
    return;
  }
  const count = async (table: 'agencies' | 'teams' | 'users', ids: readonly string[]) => (ids.length === 0 ? 0
    : (await trx.selectFrom(table).select('id').where('id', 'in', [...new Set(ids)]).execute()).length);
  if ((await count('agencies', shares.agencyIds)) !== new Set(shares.agencyIds).size
    || (await count('teams', shares.teamIds)) !== new Set(shares.teamIds).size
    || (await count('users', shares.userIds)) !== new Set(shares.userIds).size) {
    throw new CodedError('validation_error', 'A named share does not exist.');
  }
  const owner = await trx.selectFrom('agencies').select('sharing_restricted').where('id', '=', ownerAgencyId).executeTakeFirstOrThrow();
  const partners = await trx.selectFrom('sharing_agreements').select('partner_agency_id').where('agency_id', '=', ownerAgencyId).execute();
  const refused = disallowedShareTargets(ownerAgencyId, {
    restricted: Number(owner.sharing_restricted) === 1, partnerAgencyIds: partners.map((p) => p.partner_agency_id),
  }, shares.agencyIds);
  if (refused.length > 0) {
    throw new CodedError('validation_error', 'Your agency has no information-sharing agreement with an agency named in the shares.');
  }
}
