/**
 * The audit search benchmark's world on PostgreSQL: 10 agencies of 4 teams and 50 staff each, 20,000
 * cases and 50,000 people, and `total` audit events written by `generate_series` straight into the
 * real `audit_events` and `audit_event_scopes` (their indexes and append-only triggers in place).
 * Each event is indexed under the actor's agency and, when the case it touched is another agency's,
 * under the owner too, as recordAudit does (docs/audit.md, "The scope index"). The hash columns hold
 * placeholders: the search never reads the chain.
 */
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { AUDIT_ACTIONS } from '../../domain/audit/audit-actions.ts';

export const AGENCIES = 10;
export const TEAMS_PER_AGENCY = 4;
export const USERS = 500;
export const CASES = 20_000;
export const PERSONS = 5_000;
/** Event n's time is START + n seconds, so the trail spans total seconds. */
export const START = Date.UTC(2026, 0, 1);

/**
 * Actions by share of the trail, per 10,000 events: mostly reads; `record.break_glass_view` is the
 * rare one (1 in 10,000), the filter that walks furthest before filling a page.
 */
const MIX: ReadonlyArray<readonly [keyof typeof AUDIT_ACTIONS, number]> = [
  ['record.view', 5_999], ['record.list', 1_500], ['record.search', 1_000], ['record.update', 700], ['record.create', 400],
  ['document.download', 200], ['record.sync', 200], ['record.break_glass_view', 1],
];

/** What the benchmark needs to know: the ids it filters by. */
export interface SearchWorld {
  total: number;
  agencyIds: string[];
  teamIds: string[];
  userIds: string[];
  caseIds: string[];
  personIds: string[];
}

/** Fills a migrated PostgreSQL database with the world and analyses its audit tables. */
export async function buildSearchWorld(db: Kysely<ServerDatabase>, total: number): Promise<SearchWorld> {
  const id = (kind: string, n: number) => `00000000-0000-4000-8${kind}-${String(n).padStart(12, '0')}`;
  const agencyIds = Array.from({ length: AGENCIES }, (_, i) => id('001', i));
  const teamIds = Array.from({ length: AGENCIES * TEAMS_PER_AGENCY }, (_, i) => id('002', i));
  const userIds = Array.from({ length: USERS }, (_, i) => id('003', i));
  const caseIds = Array.from({ length: CASES }, (_, i) => id('004', i));
  const personIds = Array.from({ length: PERSONS }, (_, i) => id('005', i));
  const at = '2026-01-01T00:00:00.000Z';
  await db.insertInto('agencies').values(agencyIds.map((a, i) => ({ id: a, name: `Agency ${i}`, kind: 'council', code: `B${i}`, created_at: at, seq: i + 1 }))).execute();
  // Team t belongs to agency t % AGENCIES; user u to agency u % AGENCIES and its team (u / AGENCIES) % TEAMS_PER_AGENCY there.
  await db.insertInto('teams').values(teamIds.map((t, i) => ({ id: t, agency_id: agencyIds[i % AGENCIES]!, name: `Team ${i}` }))).execute();
  await db.insertInto('users').values(userIds.map((u, i) => ({
    id: u, agency_id: agencyIds[i % AGENCIES]!, username: `bench${i}`, display_name: `Bench user ${i}`, role: 'practitioner', password_hash: 'x', disabled: 0, created_at: at,
  }))).execute();
  await db.insertInto('user_teams').values(userIds.map((u, i) => ({
    user_id: u, team_id: teamIds[(Math.floor(i / AGENCIES) % TEAMS_PER_AGENCY) * AGENCIES + (i % AGENCIES)]!,
  }))).execute();
  const actions = MIX.map(([action]) => action);
  const bounds = MIX.reduce<number[]>((acc, [, share]) => [...acc, (acc.at(-1) ?? 0) + share], []);
  // Per event g: user u = g % 499 (agency u % 10); its case is one of its own agency's 4 times in 5,
  // any agency's otherwise (owner c % 10); every 10th event is about a person instead.
  await sql`
    create temporary table bench_gen as
    select g, g % 499 as u, (g * 7919) % 10000 as mix,
      case when g % 5 = 0 then ((g / 10) * 7919) % ${CASES} else ((g * 31) % ${CASES / AGENCIES}) * ${AGENCIES} + (g % 499) % ${AGENCIES} end as c,
      (g * 13) % ${PERSONS} as p
    from generate_series(1, ${total}::bigint) as g
  `.execute(db);
  const actionCase = sql.raw(`case ${bounds.map((b, i) => `when mix < ${b} then '${actions[i]}'`).join(' ')} end`);
  await sql`
    insert into audit_events (seq, id, at, user_id, agency_id, team_id, device_id, ip, action, category, entity_type, entity_id,
      outcome, justification, details, prev_hash, hash)
    select g, md5('event' || g)::uuid::text,
      to_char(timestamp '2026-01-01' + g * interval '1 second', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
      (${userIds}::text[])[u + 1], (${agencyIds}::text[])[u % ${AGENCIES} + 1], null, null, '10.0.0.' || (g % 250), a.action, a.category,
      case when g % 10 = 0 then 'person' else 'case' end,
      case when g % 10 = 0 then (${personIds}::text[])[p + 1] else (${caseIds}::text[])[c + 1] end,
      'success', null, '{}', md5('prev' || g) || md5('p' || g), md5('hash' || g) || md5('h' || g)
    from bench_gen
    cross join lateral (select ${actionCase} as action) as pick
    join (select * from unnest(${Object.keys(AUDIT_ACTIONS)}::text[], ${Object.values(AUDIT_ACTIONS)}::text[]) as x(action, category)) as a
      on a.action = pick.action
  `.execute(db);
  // The actor's agency always; the case's owner as well when it is another agency.
  await sql`
    insert into audit_event_scopes (agency_id, seq, case_id, person_id)
    select (${agencyIds}::text[])[u % ${AGENCIES} + 1], g,
      case when g % 10 = 0 then null else (${caseIds}::text[])[c + 1] end,
      case when g % 10 = 0 then (${personIds}::text[])[p + 1] else null end
    from bench_gen
    union all
    select (${agencyIds}::text[])[c % ${AGENCIES} + 1], g, (${caseIds}::text[])[c + 1], null
    from bench_gen where g % 10 <> 0 and c % ${AGENCIES} <> u % ${AGENCIES}
  `.execute(db);
  await sql`drop table bench_gen`.execute(db);
  await sql`update audit_head set seq = ${total} where id = 1`.execute(db);
  await sql`analyze agencies, teams, users, user_teams, audit_events, audit_event_scopes`.execute(db);
  return { total, agencyIds, teamIds, userIds, caseIds, personIds };
}

/** A person and a case in agency 0's trail (its latest of each), for the person and case filters. */
export async function agencySubjects(db: Kysely<ServerDatabase>, agencyId: string): Promise<{ personId: string; caseId: string }> {
  const latest = (column: 'person_id' | 'case_id') => db.selectFrom('audit_event_scopes').select(column).where('agency_id', '=', agencyId)
    .where(column, 'is not', null).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  return { personId: (await latest('person_id')).person_id!, caseId: (await latest('case_id')).case_id! };
}

/** The ISO time of event `seq`, as the world writes it. */
export const eventTime = (seq: number): string => new Date(START + seq * 1000).toISOString();
