/** Test builders for persons, case subjects and locations, plus a sign-in helper for route tests. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { newId } from '../../domain/ids.ts';
import { personNameKey } from '../../domain/persons/soundex.ts';
import type { TestServer } from './test-server.ts';
import type { Gender } from '../../domain/entities/person.ts';
import type { SubjectRole } from '../../domain/vocabulary.ts';

type Db = Kysely<ServerDatabase>;
const NOW = '2026-11-01T09:00:00.000Z';

/** Inserts a person (with aliases) as the app would, name keys included. */
export async function buildPerson(db: Db, overrides: {
  ownerAgencyId: string; givenName?: string; familyName?: string; dateOfBirth?: string | null; estimatedBirthYear?: number | null;
  gender?: Gender; aliases?: Array<{ givenName: string; familyName: string }>;
}): Promise<string> {
  const id = newId();
  const givenName = overrides.givenName ?? 'Alex';
  const familyName = overrides.familyName ?? 'Example';
  await db.insertInto('persons').values({
    id, given_name: givenName, family_name: familyName, date_of_birth: overrides.dateOfBirth ?? null,
    estimated_birth_year: overrides.estimatedBirthYear ?? null, gender: overrides.gender ?? 'unknown',
    owner_agency_id: overrides.ownerAgencyId, consent_status: 'not_sought', name_key: personNameKey(givenName, familyName),
    merged_into_id: null, created_by: null, created_at: NOW, updated_at: NOW, version: 1,
  }).execute();
  for (const alias of overrides.aliases ?? []) {
    await db.insertInto('person_aliases').values({
      id: newId(), person_id: id, given_name: alias.givenName, family_name: alias.familyName, name_key: personNameKey(alias.givenName, alias.familyName),
    }).execute();
  }
  return id;
}

/** Puts a person in a case with a role; returns the case subject id. */
export async function addSubject(db: Db, caseId: string, personId: string, role: SubjectRole = 'subject'): Promise<string> {
  const id = newId();
  await db.insertInto('case_subjects').values({ id, case_id: caseId, person_id: personId, role, created_at: NOW }).execute();
  return id;
}

/** Marks a case hidden from search (no stubs of its subjects for outsiders). */
export async function hideFromSearch(db: Db, caseId: string): Promise<void> {
  await db.updateTable('cases').set({ hidden_from_search: 1 }).where('id', '=', caseId).execute();
}

/** Inserts a location owned by an agency. */
export async function buildLocation(db: Db, overrides: { ownerAgencyId: string; addressLine?: string; postcode?: string }): Promise<string> {
  const id = newId();
  await db.insertInto('locations').values({
    id, address_line: overrides.addressLine ?? '1 Example Street', town: 'Exampleton', postcode: overrides.postcode ?? 'EX1 1AA',
    uprn: null, latitude: null, longitude: null, owner_agency_id: overrides.ownerAgencyId, created_at: NOW, updated_at: NOW, version: 1,
  }).execute();
  return id;
}

/** Links a location to a case. */
export async function addCaseLocation(db: Db, caseId: string, locationId: string): Promise<void> {
  await db.insertInto('case_locations').values({ id: newId(), case_id: caseId, location_id: locationId, description: 'home', created_at: NOW }).execute();
}

/** Signs a user in and returns an inject helper that sends their bearer token. */
export async function signIn(server: TestServer, user: { username: string; password: string }) {
  const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password } });
  const token = login.json<{ accessToken: string }>().accessToken;
  if (!token) {
    throw new Error(`sign-in failed: ${login.body}`);
  }
  return (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    server.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
}
