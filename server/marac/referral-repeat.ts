/** Works out a referral's repeat flag from the earlier referrals of the same victim (docs/marac.md). */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { repeatOf, type EarlierReferral } from '../../domain/marac/referral-criteria.ts';

/**
 * The last earlier referral that makes this one a repeat, or null. Reads every referral of the
 * victim whatever the caller may see (the flag is the system's finding; only its id is revealed).
 * The caller runs this after taking the change-log lock, so two referrals of the same pair
 * committed at once still see each other in order.
 */
export async function findRepeatOf(
  trx: Transaction<ServerDatabase>, victimPersonId: string, perpetratorIds: readonly string[], referredOn: string,
): Promise<EarlierReferral | null> {
  const rows = await trx.selectFrom('marac_referrals as r')
    .innerJoin('marac_referral_perpetrators as p', 'p.referral_id', 'r.id')
    .select(['r.id', 'r.referred_on', 'p.person_id'])
    .where('r.victim_person_id', '=', victimPersonId)
    .execute();
  const byId = new Map<string, { id: string; referredOn: string; perpetratorIds: string[] }>();
  for (const row of rows) {
    const entry = byId.get(row.id) ?? { id: row.id, referredOn: row.referred_on, perpetratorIds: [] };
    entry.perpetratorIds.push(row.person_id);
    byId.set(row.id, entry);
  }
  return repeatOf(referredOn, perpetratorIds, [...byId.values()]);
}
