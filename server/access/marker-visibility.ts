/** The SQL twin of `canSeeMarker`, over the markers table as `alias`. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { STAFF_SAFETY_MARKER } from '../../domain/policy/marker-policy.ts';
import { caseIdVisibleSql, caseVisibleSql } from './case-visibility.ts';
import { agencyInvolvedWithPersonSql, personFullSql } from './person-visibility.ts';
import { allOf, anyOf, FALSE_SQL } from './sql-audience.ts';

function caseInvolvesAgency(user: PolicyUser, caseAlias: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${caseAlias}.owner_agency_id`)} = ${user.agencyId} or (${sql.ref(`${caseAlias}.sharing_level`)} = 'shared'
    and exists (select 1 from case_shared_agencies msa where msa.case_id = ${sql.ref(`${caseAlias}.id`)} and msa.agency_id = ${user.agencyId})))`;
}

/** True exactly for the markers the user may see. */
export function markerVisibleSql(user: PolicyUser, at: string, alias = 'markers'): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const subject = `${alias}.subject_id`;
  const staffSafety = sql<SqlBool>`${col('marker_type')} = ${STAFF_SAFETY_MARKER}`;
  const onCase = allOf([sql<SqlBool>`${col('subject_type')} = 'case'`, anyOf([
    caseIdVisibleSql(user, at, subject),
    allOf([staffSafety, sql<SqlBool>`exists (select 1 from cases mc where mc.id = ${col('subject_id')} and ${caseInvolvesAgency(user, 'mc')})`]),
  ])]);
  // On a person: the placing agency, the full record (never the minimal profile of an attached stub), or staff safety to the involved.
  const onPerson = allOf([sql<SqlBool>`${col('subject_type')} = 'person'`, anyOf([
    sql<SqlBool>`${col('owner_agency_id')} = ${user.agencyId}`,
    sql<SqlBool>`exists (select 1 from persons mp where mp.id = ${col('subject_id')} and ${personFullSql(user, at, 'mp')})`,
    allOf([staffSafety, agencyInvolvedWithPersonSql(user, subject)]),
  ])]);
  const onLocation = allOf([sql<SqlBool>`${col('subject_type')} = 'location'`, anyOf([
    sql<SqlBool>`exists (select 1 from locations ml where ml.id = ${col('subject_id')} and ml.owner_agency_id = ${user.agencyId})`,
    sql<SqlBool>`exists (select 1 from case_locations mcl join cases mlc on mlc.id = mcl.case_id
      where mcl.location_id = ${col('subject_id')} and ${caseVisibleSql(user, at, 'mlc')})`,
    allOf([staffSafety, sql<SqlBool>`exists (select 1 from case_locations mcl2 join cases mlc2 on mlc2.id = mcl2.case_id
      where mcl2.location_id = ${col('subject_id')} and ${caseInvolvesAgency(user, 'mlc2')})`]),
  ])]);
  return anyOf([onCase, onPerson, onLocation]);
}
