/** Test builders for the case API: persons, locations, a three-agency world, and signed-in requests. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { newId } from '../../domain/ids.ts';
import type { Role } from '../../domain/vocabulary.ts';
import { buildAgency, buildTeam, buildUser } from './factories.ts';
import type { TestServer } from './test-server.ts';

type Db = Kysely<ServerDatabase>;
const NOW = '2026-11-01T09:00:00.000Z';

/** Inserts a person (synthetic name). */
export async function buildPerson(db: Db, overrides: { ownerAgencyId: string; givenName?: string; familyName?: string; mergedIntoId?: string | null }): Promise<string> {
  const id = newId();
  await db.insertInto('persons').values({
    id, given_name: overrides.givenName ?? 'Alex', family_name: overrides.familyName ?? 'Testperson', date_of_birth: '1990-01-01',
    estimated_birth_year: null, gender: 'unknown', owner_agency_id: overrides.ownerAgencyId, consent_status: 'not_sought',
    name_key: 'TEST', merged_into_id: overrides.mergedIntoId ?? null, created_by: null, created_at: NOW, updated_at: NOW, version: 1,
  }).execute();
  return id;
}

/** Inserts a location. */
export async function buildLocation(db: Db, ownerAgencyId: string): Promise<string> {
  const id = newId();
  await db.insertInto('locations').values({
    id, address_line: '1 Synthetic Street', town: 'Testtown', postcode: 'TE1 1ST', uprn: null, latitude: null, longitude: null,
    owner_agency_id: ownerAgencyId, created_at: NOW, updated_at: NOW, version: 1,
  }).execute();
  return id;
}

/** A signed-in test user. */
export interface WorldUser {
  id: string;
  agencyId: string;
  teamIds: string[];
  role: Role;
  token: string;
}

/** Signs a user in and returns their access token. */
export async function signIn(server: TestServer, username: string, password: string): Promise<string> {
  const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) {
    throw new Error(`sign-in failed: ${res.body}`);
  }
  return res.json<{ accessToken: string }>().accessToken;
}

/** Builds a user in an agency and team, signed in. */
export async function buildSignedInUser(server: TestServer, agencyId: string, teamIds: string[], role: Role = 'practitioner'): Promise<WorldUser> {
  const u = await buildUser(server.db, { agencyId, teamIds, role });
  return { id: u.id, agencyId, teamIds, role, token: await signIn(server, u.username, u.password) };
}

/** Police, council and housing, each with two teams; a practitioner in each team and a team manager in team A. */
export async function buildThreeAgencyWorld(server: TestServer) {
  const agencies = {
    police: await buildAgency(server.db, { kind: 'police', name: 'Test Police' }),
    council: await buildAgency(server.db, { kind: 'council', name: 'Test Council' }),
    housing: await buildAgency(server.db, { kind: 'housing', name: 'Test Housing' }),
  };
  const teams: Record<keyof typeof agencies, [string, string]> = { police: ['', ''], council: ['', ''], housing: ['', ''] };
  const users: Record<keyof typeof agencies, { a: WorldUser; b: WorldUser; manager: WorldUser }> = {} as never;
  for (const key of Object.keys(agencies) as (keyof typeof agencies)[]) {
    teams[key] = [await buildTeam(server.db, agencies[key], 'A'), await buildTeam(server.db, agencies[key], 'B')];
    users[key] = {
      a: await buildSignedInUser(server, agencies[key], [teams[key][0]]),
      b: await buildSignedInUser(server, agencies[key], [teams[key][1]]),
      manager: await buildSignedInUser(server, agencies[key], [teams[key][0]], 'team_manager'),
    };
  }
  return { agencies, teams, users };
}

/** Sends an authenticated request and returns status and parsed body. */
export async function call<T = unknown>(server: TestServer, user: WorldUser, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  const res = await server.app.inject({
    method, url, headers: { authorization: `Bearer ${user.token}` }, ...(payload === undefined ? {} : { payload: payload as object }),
  });
  return { status: res.statusCode, body: res.json<T>() };
}
