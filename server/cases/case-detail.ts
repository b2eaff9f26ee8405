/** Loads one case with its subjects, visible links, locations and marker banner. */
import { sql, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CaseDetailSchema, type CaseDetail } from '../../domain/entities/case.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';
import { personRecordSql } from '../access/person-visibility.ts';
import { listMarkersOn } from '../markers/marker-queries.ts';
import type { LoadedCase } from './case-policy-loader.ts';
import { toCaseSummary } from './case-summary.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** The detail of a case already loaded and checked as visible to the user. */
export async function caseDetailOf(db: Db, loaded: LoadedCase, user: PolicyUser, at: string): Promise<CaseDetail> {
  const caseId = loaded.row.id;
  const subjects = await db.selectFrom('case_subjects as cs').innerJoin('persons as p', 'p.id', 'cs.person_id')
    .select(['cs.id', 'cs.person_id', 'cs.role', 'cs.created_at', 'p.given_name', 'p.family_name'])
    .select(sql<SqlBool>`${personRecordSql(user, at, 'p')}`.as('full'))
    .where('cs.case_id', '=', caseId).orderBy('cs.created_at').orderBy('cs.id').execute();
  const links = await db.selectFrom('case_links as l').innerJoin('cases as lc', 'lc.id', 'l.linked_case_id')
    .select(['l.id', 'l.linked_case_id', 'l.reason', 'l.created_at', 'lc.reference', 'lc.title'])
    .where('l.case_id', '=', caseId).where(caseVisibleSql(user, at, 'lc')).orderBy('l.created_at').orderBy('l.id').execute();
  const locations = await db.selectFrom('case_locations as cl').innerJoin('locations as loc', 'loc.id', 'cl.location_id')
    .select(['cl.id', 'cl.location_id', 'cl.description', 'cl.created_at', 'loc.address_line', 'loc.town', 'loc.postcode'])
    .where('cl.case_id', '=', caseId).orderBy('cl.created_at').orderBy('cl.id').execute();
  const markers = await listMarkersOn(db, user, at, [
    { type: 'case', ids: [caseId] },
    { type: 'person', ids: [...new Set(subjects.map((s) => s.person_id))] },
    { type: 'location', ids: [...new Set(locations.map((l) => l.location_id))] },
  ], false);
  return CaseDetailSchema.parse({
    ...toCaseSummary(loaded.row, loaded.policy, user, at),
    subjects: subjects.map((s) => ({
      id: s.id, personId: s.person_id, role: s.role, createdAt: s.created_at,
      ...(isTrue(s.full) ? { displayName: `${s.given_name} ${s.family_name}` } : {}),
    })),
    links: links.map((l) => ({ id: l.id, linkedCaseId: l.linked_case_id, reference: l.reference, title: l.title, reason: l.reason, createdAt: l.created_at })),
    locations: locations.map((l) => ({
      id: l.id, locationId: l.location_id, description: l.description, addressLine: l.address_line, town: l.town, postcode: l.postcode, createdAt: l.created_at,
    })),
    markers,
  });
}

/** SQLite answers booleans as 0/1, PostgreSQL as true/false. */
function isTrue(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}
