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
  const prefix = `${agency.code}-${at.getUTCFullYear()}-`;
  // Longest then greatest: the highest number even past five digits, in one indexed lookup.
  const last = await trx.selectFrom('cases').select('reference').where('reference', 'like', `${prefix}%`)
    .orderBy(sql`length(reference)`, 'desc').orderBy('reference', 'desc').limit(1).executeTakeFirst();
  const n = last ? Number(last.reference.slice(prefix.length)) : 0;
  const max = Number.isInteger(n) ? n : 0;
  return `${prefix}${String(max + 1).padStart(5, '0')}`;
}
