/**
 * Inside the erasing transaction, deletes the audit trail's kept values that belong to, or name, what
 * is erased (docs/audit.md, "What the audit trail holds after an erasure"). The events stay: they
 * commit to the values with a salt that goes with the row, so nothing links them to the content.
 * - Values recorded on an erased record (update values, a justification on the case, its access
 *   requests or its attached people, a duplicate check of an erased person) go by the record's id.
 * - Search terms and justifications anywhere else go when they name an erased person, the case's
 *   reference or an erased place (`namesErased`): every kept row is read, in seq order, a page at a time.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { namesErased, textsOf, type ErasedIdentities } from '../../domain/retention/names-erased.ts';

type Trx = Transaction<ServerDatabase>;

const PAGE = 1000;

/** What the erasure removes, read before the rows go. */
export async function erasedIdentities(trx: Trx, caseId: string, persons: readonly string[], locations: readonly string[]): Promise<ErasedIdentities> {
  const some = (list: readonly string[]) => (list.length > 0 ? [...list] : ['']);
  const reference = await trx.selectFrom('cases').select('reference').where('id', '=', caseId).executeTakeFirst();
  const people = await trx.selectFrom('persons').select(['id', 'given_name', 'family_name', 'date_of_birth']).where('id', 'in', some(persons)).execute();
  const aliases = await trx.selectFrom('person_aliases').select(['person_id', 'given_name', 'family_name']).where('person_id', 'in', some(persons)).execute();
  const places = await trx.selectFrom('locations').select(['address_line', 'postcode']).where('id', 'in', some(locations)).execute();
  return {
    persons: people.map((p) => ({
      givenName: p.given_name, familyName: p.family_name, dateOfBirth: p.date_of_birth,
      aliases: aliases.filter((a) => a.person_id === p.id).map((a) => ({ givenName: a.given_name, familyName: a.family_name })),
    })),
    references: reference ? [reference.reference] : [],
    places: places.map((l) => ({ addressLine: l.address_line, postcode: l.postcode })),
  };
}

/** Deletes the kept values of events on the erased records and of every search or justification naming them; answers how many rows went. */
export async function eraseKeptAuditText(trx: Trx, erasedRecordIds: readonly string[], erased: ErasedIdentities): Promise<number> {
  let count = 0;
  for (let at = 0; at < erasedRecordIds.length; at += 500) {
    const r = await trx.deleteFrom('audit_event_values').where('entity_id', 'in', erasedRecordIds.slice(at, at + 500)).executeTakeFirst();
    count += Number(r.numDeletedRows);
  }
  let after = 0;
  for (;;) {
    const rows = await trx.selectFrom('audit_event_values').select(['seq', 'terms', 'justification']).where('seq', '>', after)
      .where((eb) => eb.or([eb('terms', 'is not', null), eb('justification', 'is not', null)])).orderBy('seq').limit(PAGE).execute();
    const naming = rows.filter((r) => namesErased([...textsOf(r.terms === null ? null : JSON.parse(r.terms) as unknown), ...(r.justification === null ? [] : [r.justification])], erased))
      .map((r) => r.seq);
    if (naming.length > 0) {
      count += Number((await trx.deleteFrom('audit_event_values').where('seq', 'in', naming).executeTakeFirst()).numDeletedRows);
    }
    const last = rows.at(-1);
    if (rows.length < PAGE || last === undefined) {
      return count;
    }
    after = Number(last.seq);
  }
}
