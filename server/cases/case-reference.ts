/** Case references: supplied and unique, or generated as AGENCYCODE-YEAR-NNNNN per agency and year. */
import { sql, type Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';

/** The next free reference for the agency in the year of `at`, or the supplied one when it is free. */
export async function caseReference(trx: Transaction<ServerDatabase>, agencyId: string, at: Date, supplied?: string): Promise<string> {
  if (supplied !== undefined) {
    const taken = await trx.selectFrom('cases').select('id').where('reference', '=', supplied).executeTakeFirst();
    if (taken) {
      throw new CodedError('conflict', `The case reference ${supplied} is already in use.`);
    }
    return supplied;
  }
  const agency = await trx.selectFrom('agencies').select('code').where('id', '=', agencyId).executeTakeFirstOrThrow();
  const year = at.getUTCFullYear();
  const prefix = `${agency.code}-${year}-`;
  // The counter row starts from the highest number already used (seeded or supplied references),
  // then its row lock hands out numbers one at a time, so concurrent creates never collide.
  await trx.insertInto('case_reference_counters')
    .values({ agency_id: agencyId, year, last_number: await highestUsed(trx, prefix) })
    .onConflict((oc) => oc.columns(['agency_id', 'year']).doNothing())
    .execute();
  for (;;) {
    const row = await trx.updateTable('case_reference_counters').set((eb) => ({ last_number: eb('last_number', '+', 1) }))
      .where('agency_id', '=', agencyId).where('year', '=', year).returning('last_number').executeTakeFirstOrThrow();
    const reference = `${prefix}${String(row.last_number).padStart(5, '0')}`;
    // A supplied reference may have taken this number; skip it rather than fail the create.
    const taken = await trx.selectFrom('cases').select('id').where('reference', '=', reference).executeTakeFirst();
    if (!taken) {
      return reference;
    }
  }
}

async function highestUsed(trx: Transaction<ServerDatabase>, prefix: string): Promise<number> {
  // Longest then greatest: the highest number even past five digits, in one indexed lookup.
  const last = await trx.selectFrom('cases').select('reference').where('reference', 'like', `${prefix}%`)
    .orderBy(sql`length(reference)`, 'desc').orderBy('reference', 'desc').limit(1).executeTakeFirst();
  const n = last ? Number(last.reference.slice(prefix.length)) : 0;
  return Number.isInteger(n) ? n : 0;
}
