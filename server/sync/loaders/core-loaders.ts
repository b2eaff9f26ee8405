/** Sync loaders for the directory, cases, persons (full view or minimal profile: the same fields) and case subjects. */
import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { CaseTable, ServerDatabase } from '../../../db/server/schema.ts';
import { AgencySchema } from '../../../domain/entities.ts';
import { personAbilities } from '../../../domain/persons/person-abilities.ts';
import { caseAbilities } from '../../../domain/policy/case-policy.ts';
import { SyncCaseSubjectSchema, SyncPersonSchema, type SyncCase } from '../../../domain/sync/sync-records.ts';
import { caseIdVisibleSql, caseVisibleSql } from '../../access/case-visibility.ts';
import { personFullSql, personRecordSql } from '../../access/person-visibility.ts';
import { policyOf } from '../../cases/case-policy-loader.ts';
import { pageShareColumns, pageShares, type PageShareColumns } from '../../cases/case-page-shares.ts';
import { caseRecordOf } from '../../cases/case-record.ts';
import type { PolicyUser } from '../../../domain/policy/policy-user.ts';
import { byId, type SyncLoader, type SyncRecord } from './sync-record.ts';

/** Agencies: the directory every user may see. */
export const loadAgencies: SyncLoader = async (db, _user, _at, ids) => {
  const rows = await db.selectFrom('agencies').select(['id', 'name', 'kind', 'code']).where('id', 'in', ids).execute();
  return byId(rows.map((a) => ({ entity: 'agency' as const, data: AgencySchema.parse(a) })));
};

/**
 * Cases the user may see, each with the user's case abilities. Typed, not parsed: the pull and the
 * bootstrap parse their whole answer against the sync schema before it leaves (register-route.ts).
 */
export const loadCases: SyncLoader = async (db, user, at, ids) => {
  const rows = await db.selectFrom('cases').selectAll('cases').select(pageShareColumns(user.id, 'cases.id'))
    .where('id', 'in', ids).where(caseVisibleSql(user, at, 'cases')).execute();
  return caseRecords(db, user, at, rows);
};

/** A span of the change log a pull page scanned: the positions after `after`, up to and including `upTo`. */
export interface LogSpan {
  after: number;
  upTo: number;
}

/**
 * The cases logged in `span` that the user may see, as `loadCases` answers them: the page's cases
 * are picked inside the statement, by joining the span's change-log rows to `cases` (a page names up
 * to 500; the join walks them in log order where an `IN (subquery)` first built a temporary index of
 * them, measured 0.84× by `npm run bench:pull-statements`), and the visibility filter is the same
 * `caseVisibleSql`. A case logged twice in the span comes twice; the records are keyed by id.
 */
export async function loadCasesLoggedIn(db: Kysely<ServerDatabase>, user: PolicyUser, at: string, span: LogSpan): Promise<Map<string, SyncRecord>> {
  const rows = await db.selectFrom('change_log as cl').innerJoin('cases', 'cases.id', 'cl.entity_id')
    .selectAll('cases').select(pageShareColumns(user.id, 'cases.id'))
    .where('cl.seq', '>', span.after).where('cl.seq', '<=', span.upTo)
    // `|| ''` keeps SQLite on the positions' range: on `entity = 'case'` it picks the (entity, entity_id) index and reads every case's changes.
    .where(sql<string>`cl.entity || ''`, '=', 'case')
    .where(caseVisibleSql(user, at, 'cases')).execute();
  return caseRecords(db, user, at, rows);
}

/**
 * Case rows (already filtered to those the user may see, with their named shares read by the same
 * statement: case-page-shares.ts) as sync records with the user's abilities.
 */
async function caseRecords(db: Kysely<ServerDatabase>, user: PolicyUser, at: string, rows: ReadonlyArray<Selectable<CaseTable> & PageShareColumns>): Promise<Map<string, SyncRecord>> {
  // The shares give both the record's shared agencies and the whole policy its abilities come from.
  const shares = await pageShares(db, rows, user.id);
  return byId(rows.map((row) => {
    const policy = policyOf(row, shares);
    const data: SyncCase = { ...caseRecordOf(row, policy.sharedAgencyIds), abilities: caseAbilities(user, policy, at) };
    return { entity: 'case' as const, data };
  }));
}

/**
 * Persons whose record the user sees, in full or as the minimal profile of a person attached from
 * a stub: a synced person carries only the minimal profile's fields (names, aliases, date of birth,
 * gender: never consent status or identifiers), and its abilities follow the view. A merged person
 * is gone (its survivor carries on).
 */
export const loadPersons: SyncLoader = async (db, user, at, ids) => {
  const rows = await db.selectFrom('persons')
    .select(['id', 'given_name', 'family_name', 'date_of_birth', 'estimated_birth_year', 'gender', 'owner_agency_id'])
    .select(sql<SqlBool>`${personFullSql(user, at, 'persons')}`.as('full'))
    .where('id', 'in', ids).where('merged_into_id', 'is', null).where(personRecordSql(user, at, 'persons')).execute();
  const aliases = rows.length === 0 ? [] : await db.selectFrom('person_aliases').select(['person_id', 'given_name', 'family_name'])
    .where('person_id', 'in', rows.map((r) => r.id)).orderBy('id').execute();
  return byId(rows.map((p) => ({
    entity: 'person' as const,
    data: SyncPersonSchema.parse({
      id: p.id, givenName: p.given_name, familyName: p.family_name, dateOfBirth: p.date_of_birth,
      estimatedBirthYear: p.estimated_birth_year, gender: p.gender,
      aliases: aliases.filter((a) => a.person_id === p.id).map((a) => ({ givenName: a.given_name, familyName: a.family_name })),
      abilities: personAbilities(user, { ownerAgencyId: p.owner_agency_id }, isTrue(p.full) ? 'full' : 'profile'),
    }),
  })));
};

/** Case subjects of cases the user may see. */
export const loadCaseSubjects: SyncLoader = async (db, user, at, ids) => {
  const rows = await db.selectFrom('case_subjects').selectAll().where('id', 'in', ids)
    .where(caseIdVisibleSql(user, at, 'case_subjects.case_id')).execute();
  return byId(rows.map((s) => ({
    entity: 'case_subject' as const,
    data: SyncCaseSubjectSchema.parse({ id: s.id, caseId: s.case_id, personId: s.person_id, role: s.role, createdAt: s.created_at }),
  })));
};

/** SQLite answers booleans as 0/1, PostgreSQL as true/false. */
function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}
