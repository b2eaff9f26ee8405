/** Creates a person owned by the caller's agency, with aliases and the caller's restricted identifiers. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { CreatePersonBody } from '../../domain/entities/person.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { personNameKey } from '../../domain/persons/soundex.ts';
import { readsCases } from '../../domain/policy/policy-user.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordChange } from '../changes/record-change.ts';
import type { WriteContext } from '../changes/write-context.ts';

/** Refuses a birth date or year in the future (zod cannot know today's date). */
export function checkBirth(at: Date, dateOfBirth: string | null | undefined, estimatedBirthYear: number | null | undefined): void {
  const today = at.toISOString().slice(0, 10);
  if ((dateOfBirth ?? '') > today || (estimatedBirthYear ?? 0) > Number(today.slice(0, 4))) {
    throw new CodedError('validation_error', 'A date of birth cannot be in the future.');
  }
}

/** Inserts the person and returns its id; audited `record.create`, synced as a person upsert. */
export async function createPerson(trx: Transaction<ServerDatabase>, w: WriteContext, body: CreatePersonBody, id: string = newId()): Promise<string> {
  const { user } = w;
  if (!readsCases(user)) {
    throw new CodedError('authorization_error', 'Your role does not record persons.');
  }
  checkBirth(w.now, body.dateOfBirth, body.estimatedBirthYear);
  const at = w.now.toISOString();
  await trx.insertInto('persons').values({
    id, given_name: body.givenName, family_name: body.familyName,
    date_of_birth: body.dateOfBirth ?? null, estimated_birth_year: body.estimatedBirthYear ?? null,
    gender: body.gender, owner_agency_id: user.agencyId, consent_status: body.consentStatus,
    name_key: personNameKey(body.givenName, body.familyName), merged_into_id: null,
    created_by: user.id, created_at: at, updated_at: at, version: 1,
  }).execute();
  for (const alias of body.aliases) {
    await trx.insertInto('person_aliases').values({
      id: newId(), person_id: id, given_name: alias.givenName, family_name: alias.familyName,
      name_key: personNameKey(alias.givenName, alias.familyName),
    }).execute();
  }
  for (const identifier of body.identifiers) {
    await trx.insertInto('person_identifiers').values({
      id: newId(), person_id: id, scheme: identifier.scheme, value: identifier.value, agency_id: user.agencyId,
    }).execute();
  }
  await recordChange(trx, { entity: 'person', entityId: id, op: 'upsert', at });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.create', entityType: 'person', entityId: id, outcome: 'success', at: w.now,
    // Metadata only: restricted identifier values stay out of the trail.
    details: { aliases: body.aliases.length, identifierSchemes: body.identifiers.map((i) => i.scheme) },
  });
  return id;
}
