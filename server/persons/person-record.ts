/** Turns person rows into what the caller may see: the full record (own identifiers only), the minimal profile, a stub, or nothing. */
import type { Kysely, Selectable } from 'kysely';
import type { PersonTable, ServerDatabase } from '../../db/server/schema.ts';
import {
  PersonRecordSchema, PersonStubSchema, type PersonRecord, type PersonResult, type PersonStub,
} from '../../domain/entities/person.ts';
import { personAbilities } from '../../domain/persons/person-abilities.ts';
import { displayName } from '../../domain/persons/name-normalise.ts';
import {
  canSeeIdentifier, personView, seesPersonRecord, signpostAgencyIds, type PersonView, type PolicyPerson,
} from '../../domain/policy/person-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { loadPolicyPersons } from './person-policy-loader.ts';

type Db = Kysely<ServerDatabase>;
/** A person row as stored. */
export type PersonRow = Selectable<PersonTable>;

/** A row with the caller's view of it and its policy shape. */
export interface ViewedPerson {
  row: PersonRow;
  view: PersonView;
  policy: PolicyPerson;
}

/** Decides the caller's view of each row with the pure policy (merged persons are never seen). */
export async function viewPersons(db: Db, user: PolicyUser, at: string, rows: readonly PersonRow[]): Promise<ViewedPerson[]> {
  const policies = await loadPolicyPersons(db, rows);
  return rows.map((row) => {
    const policy = policies.get(row.id) ?? { ownerAgencyId: row.owner_agency_id, cases: [] };
    const view = row.merged_into_id === null ? personView(user, policy, at) : 'none';
    return { row, view, policy };
  });
}

/**
 * Records for rows the caller sees in full (aliases, their agency's identifiers, consent status,
 * abilities) or as the minimal profile (names, aliases, date of birth, gender: no consent status,
 * no identifiers).
 */
export async function toPersonRecords(db: Db, user: PolicyUser, people: readonly ViewedPerson[]): Promise<Map<string, PersonRecord>> {
  const seen = people.filter((p) => seesPersonRecord(p.view));
  const out = new Map<string, PersonRecord>();
  if (seen.length === 0) {
    return out;
  }
  const ids = seen.map((p) => p.row.id);
  const fullIds = seen.filter((p) => p.view === 'full').map((p) => p.row.id);
  const [aliases, identifiers] = await Promise.all([
    db.selectFrom('person_aliases').select(['id', 'person_id', 'given_name', 'family_name'])
      .where('person_id', 'in', ids).orderBy('family_name').orderBy('given_name').orderBy('id').execute(),
    // Only the caller's agency's identifiers of fully seen persons leave the database (canSeeIdentifier re-checks below).
    fullIds.length === 0 ? [] : db.selectFrom('person_identifiers').select(['id', 'person_id', 'scheme', 'value', 'agency_id'])
      .where('person_id', 'in', fullIds).where('agency_id', '=', user.agencyId).orderBy('scheme').orderBy('id').execute(),
  ]);
  for (const { row, view } of seen) {
    out.set(row.id, PersonRecordSchema.parse({
      id: row.id,
      givenName: row.given_name,
      familyName: row.family_name,
      dateOfBirth: row.date_of_birth,
      estimatedBirthYear: row.estimated_birth_year === null ? null : Number(row.estimated_birth_year),
      gender: row.gender,
      ...(view === 'full' ? { consentStatus: row.consent_status } : {}),
      ownerAgencyId: row.owner_agency_id,
      aliases: aliases.filter((a) => a.person_id === row.id).map((a) => ({ id: a.id, givenName: a.given_name, familyName: a.family_name })),
      identifiers: identifiers.filter((i) => i.person_id === row.id && canSeeIdentifier(user, { agencyId: i.agency_id }, view))
        .map((i) => ({ id: i.id, scheme: i.scheme, value: i.value })),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      version: Number(row.version),
      abilities: personAbilities(user, { ownerAgencyId: row.owner_agency_id }, view),
    }));
  }
  return out;
}

/** The year of birth a stub may show (never the day or month). */
export function yearOfBirth(row: PersonRow): number | null {
  if (row.date_of_birth !== null) {
    return Number(row.date_of_birth.slice(0, 4));
  }
  return row.estimated_birth_year === null ? null : Number(row.estimated_birth_year);
}

/** Search-and-signpost stubs: name, year of birth and the agencies to ask. */
export async function toPersonStubs(db: Db, people: readonly ViewedPerson[]): Promise<Map<string, PersonStub>> {
  const stubs = people.filter((p) => p.view === 'stub');
  const out = new Map<string, PersonStub>();
  const agencyIds = [...new Set(stubs.flatMap((p) => signpostAgencyIds(p.policy)))];
  const agencies = agencyIds.length === 0 ? [] : await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute();
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  for (const { row, policy } of stubs) {
    out.set(row.id, PersonStubSchema.parse({
      id: row.id,
      displayName: displayName(row.given_name, row.family_name),
      yearOfBirth: yearOfBirth(row),
      involvedAgencies: signpostAgencyIds(policy).map((id) => ({ id, name: names.get(id) ?? '' })),
      requestAccess: true,
    }));
  }
  return out;
}

/** Full, profile or stub results in the order of `people`; people the caller may not know of are dropped. */
export async function toPersonResults(db: Db, user: PolicyUser, people: readonly ViewedPerson[]): Promise<Array<PersonResult & { id: string }>> {
  const [records, stubs] = await Promise.all([toPersonRecords(db, user, people), toPersonStubs(db, people)]);
  const results: Array<PersonResult & { id: string }> = [];
  for (const { row, view } of people) {
    const record = records.get(row.id);
    const stub = stubs.get(row.id);
    if (record) {
      results.push({ id: row.id, view: view === 'full' ? 'full' : 'profile', person: record });
    } else if (stub) {
      results.push({ id: row.id, view: 'stub', person: stub });
    }
  }
  return results;
}
