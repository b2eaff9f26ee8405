/**
 * Person reads, every one filtered by the SQL twins of `personView` (server/access) and never
 * returning merged persons. Callers then decide full/profile/stub with the pure policy.
 */
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { nameTokens } from '../../domain/persons/name-normalise.ts';
import { soundex } from '../../domain/persons/soundex.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { personFullSql, personRecordSql, personSearchableSql } from '../access/person-visibility.ts';
import { anyOf } from '../access/sql-audience.ts';
import type { PersonRow } from './person-record.ts';

type Db = Kysely<ServerDatabase>;
/** How many candidates a search or match ranks at most (docs/sync.md: rank a bounded set). */
export const CANDIDATE_LIMIT = 200;

/** The person if the caller sees it in full (and it is not merged), else undefined. */
export function findFullPerson(db: Db, user: PolicyUser, at: string, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).where('merged_into_id', 'is', null)
    .where(personFullSql(user, at, 'persons')).executeTakeFirst();
}

/** The person if the caller sees its record, in full or as the minimal profile (and it is not merged), else undefined. */
export function findPersonRecord(db: Db, user: PolicyUser, at: string, id: string): Promise<PersonRow | undefined> {
  return db.selectFrom('persons').selectAll().where('id', '=', id).where('merged_into_id', 'is', null)
    .where(personRecordSql(user, at, 'persons')).executeTakeFirst();
}

/** A condition on `p.name_key` or an alias key: the family-name key (or, names swapped, the given-name key) is one of `keys`. */
function nameKeySql(familyKeys: readonly string[], givenKeys: readonly string[]): RawBuilder<SqlBool> {
  const keyConditions = (ref: string) => [
    ...familyKeys.map((k) => sql<SqlBool>`${sql.ref(ref)} like ${`${k}|%`}`),
    ...givenKeys.map((k) => sql<SqlBool>`${sql.ref(ref)} like ${`%|${k}`}`),
  ];
  return anyOf([
    ...keyConditions('p.name_key'),
    sql<SqlBool>`exists (select 1 from person_aliases pa where pa.person_id = p.id and ${anyOf(keyConditions('pa.name_key'))})`,
  ]);
}

/** Searchable, unmerged persons whose name or an alias sounds like one of the names (duplicate candidates). */
export function findMatchCandidates(
  db: Db, user: PolicyUser, at: string, names: ReadonlyArray<{ givenName: string; familyName: string }>, excludeId?: string,
): Promise<PersonRow[]> {
  const familyKeys = [...new Set(names.map((n) => soundex(nameTokens(n.familyName)[0] ?? '')).filter((k) => k !== ''))];
  const givenKeys = [...new Set(names.map((n) => soundex(nameTokens(n.givenName)[0] ?? '')).filter((k) => k !== ''))];
  let query = db.selectFrom('persons as p').selectAll('p')
    .where('p.merged_into_id', 'is', null)
    .where(personSearchableSql(user, at, 'p'))
    .where(nameKeySql(familyKeys, givenKeys));
  if (excludeId !== undefined) {
    query = query.where('p.id', '!=', excludeId);
  }
  return query.orderBy('p.id').limit(CANDIDATE_LIMIT).execute();
}

/** Searchable, unmerged persons with a name or alias word starting with, or sounding like, a word of the query. */
export function searchPersonRows(db: Db, user: PolicyUser, at: string, q: string): Promise<PersonRow[]> {
  const tokens = nameTokens(q, 4);
  if (tokens.length === 0) {
    return Promise.resolve([]);
  }
  // Tokens hold letters only (nameTokens), so they cannot carry LIKE wildcards.
  const prefix = (ref: string, t: string) => sql<SqlBool>`lower(${sql.ref(ref)}) like ${`${t}%`}`;
  const wordMatches = (given: string, family: string, key: string) => anyOf(tokens.flatMap((t) => [
    prefix(given, t), prefix(family, t),
    sql<SqlBool>`${sql.ref(key)} like ${`${soundex(t)}|%`}`, sql<SqlBool>`${sql.ref(key)} like ${`%|${soundex(t)}`}`,
  ]));
  return db.selectFrom('persons as p').selectAll('p')
    .where('p.merged_into_id', 'is', null)
    .where(personSearchableSql(user, at, 'p'))
    .where(anyOf([
      wordMatches('p.given_name', 'p.family_name', 'p.name_key'),
      sql<SqlBool>`exists (select 1 from person_aliases pa where pa.person_id = p.id
        and ${wordMatches('pa.given_name', 'pa.family_name', 'pa.name_key')})`,
    ]))
    .orderBy('p.family_name').orderBy('p.given_name').orderBy('p.id')
    .limit(CANDIDATE_LIMIT).execute();
}

/** The aliases of persons, grouped by person id (for ranking; never sent for stubs). */
export async function aliasesOf(db: Db, personIds: readonly string[]): Promise<Map<string, Array<{ givenName: string; familyName: string }>>> {
  const out = new Map<string, Array<{ givenName: string; familyName: string }>>();
  if (personIds.length === 0) {
    return out;
  }
  const rows = await db.selectFrom('person_aliases').select(['person_id', 'given_name', 'family_name'])
    .where('person_id', 'in', [...personIds]).execute();
  for (const r of rows) {
    const list = out.get(r.person_id) ?? [];
    list.push({ givenName: r.given_name, familyName: r.family_name });
    out.set(r.person_id, list);
  }
  return out;
}
