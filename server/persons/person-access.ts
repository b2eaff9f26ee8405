/** Loads a person for a read (full or minimal profile) or a change (full only): 404 otherwise, then its abilities. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { PersonAbilities } from '../../domain/entities/person.ts';
import { CodedError } from '../../domain/errors.ts';
import { personAbilities } from '../../domain/persons/person-abilities.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { seesPersonRecord } from '../../domain/policy/person-policy.ts';
import { findFullPerson, findPersonRecord } from './person-queries.ts';
import { viewPersons, type PersonRow, type ViewedPerson } from './person-record.ts';

/** The person the caller sees in full, with their abilities; `not_found` otherwise (existence is not revealed). */
export async function loadFullPerson(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, id: string,
): Promise<{ row: PersonRow; abilities: PersonAbilities }> {
  const row = await findFullPerson(db, user, at, id);
  // The SQL twin filters; the pure policy re-decides, so a disagreement fails closed.
  const viewed = row ? (await viewPersons(db, user, at, [row]))[0] : undefined;
  if (!row || viewed?.view !== 'full') {
    throw new CodedError('not_found', 'No such person.');
  }
  return { row, abilities: personAbilities(user, { ownerAgencyId: row.owner_agency_id }, 'full') };
}

/**
 * The person whose record the caller sees, in full or as the minimal profile (a person attached
 * from a stub), with that view; `not_found` otherwise. For reads only: every change needs the full view.
 */
export async function loadPersonRecord(db: Kysely<ServerDatabase>, user: PolicyUser, at: string, id: string): Promise<ViewedPerson> {
  const row = await findPersonRecord(db, user, at, id);
  // The SQL twin filters; the pure policy re-decides the view, so a disagreement fails closed.
  const viewed = row ? (await viewPersons(db, user, at, [row]))[0] : undefined;
  if (!viewed || !seesPersonRecord(viewed.view)) {
    throw new CodedError('not_found', 'No such person.');
  }
  return viewed;
}

/** Throws `authorization_error` unless the ability is held. */
export function requireAbility(abilities: PersonAbilities, ability: keyof PersonAbilities, message: string): void {
  if (!abilities[ability]) {
    throw new CodedError('authorization_error', message);
  }
}
