/**
 * An erasure inside subject access requests (docs/audit.md, "What an erased case takes with it"): a
 * part another agency released keeps a copy of its records as they were, so the erased records' items,
 * and the names of erased persons flagged as third parties, leave every released part. The rest of the
 * part, the consultation's decision and its redaction rows (ids and hashes only) stay.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { SarPartSchema } from '../../domain/entities/sar.ts';

/** Removes the erased records from released parts; answers how many items went. */
export async function eraseSarCopies(trx: Transaction<ServerDatabase>, erasedIds: readonly string[], erasedPersons: readonly string[]): Promise<number> {
  const erased = new Set(erasedIds);
  const persons = new Set(erasedPersons);
  const released = await trx.selectFrom('sar_consultations').select(['id', 'released_part']).where('released_part', 'is not', null).execute();
  let removed = 0;
  for (const row of released) {
    const part = SarPartSchema.parse(JSON.parse(row.released_part!));
    const items = part.items.filter((item) => !erased.has(item.id));
    const thirdParties = part.thirdParties.filter((t) => !persons.has(t.personId));
    if (items.length === part.items.length && thirdParties.length === part.thirdParties.length) {
      continue;
    }
    removed += part.items.length - items.length;
    await trx.updateTable('sar_consultations').set({ released_part: JSON.stringify({ ...part, items, thirdParties }) }).where('id', '=', row.id).execute();
  }
  return removed;
}
