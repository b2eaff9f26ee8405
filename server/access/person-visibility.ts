/** The SQL twins of `personView`: full access, the record at all (full or minimal profile), and search-and-signpost eligibility. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseVisibleSql, grantSql } from './case-visibility.ts';
import { anyOf, FALSE_SQL } from './sql-audience.ts';

/**
 * True when the user sees the full person record (table `alias`): owner agency, grant, or a visible
 * case holding the person through a link that is not `profile_only` (made by someone with the full record).
 */
export function personFullSql(user: PolicyUser, at: string, alias = 'persons'): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  const id = `${alias}.id`;
  return anyOf([
    sql<SqlBool>`${sql.ref(`${alias}.owner_agency_id`)} = ${user.agencyId}`,
    grantSql(user, 'person', id, at),
    sql<SqlBool>`exists (select 1 from case_subjects ps join cases pc on pc.id = ps.case_id
      where ps.person_id = ${sql.ref(id)} and ps.profile_only = 0 and ${caseVisibleSql(user, at, 'pc')})`,
  ]);
}

/**
 * True when the user sees the person's record at all: in full, or as the minimal profile through a
 * visible case the person was attached to from a stub (`personView` is 'full' or 'profile').
 */
export function personRecordSql(user: PolicyUser, at: string, alias = 'persons'): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  return anyOf([
    personFullSql(user, at, alias),
    sql<SqlBool>`exists (select 1 from case_subjects pps join cases ppc on ppc.id = pps.case_id
      where pps.person_id = ${sql.ref(`${alias}.id`)} and ${caseVisibleSql(user, at, 'ppc')})`,
  ]);
}

/** True when a person may appear in search at all (full, profile or stub): the record is seen, or not every case is hidden from search. */
export function personSearchableSql(user: PolicyUser, at: string, alias = 'persons'): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  const id = `${alias}.id`;
  return anyOf([
    personRecordSql(user, at, alias),
    sql<SqlBool>`not exists (select 1 from case_subjects ps where ps.person_id = ${sql.ref(id)})`,
    sql<SqlBool>`exists (select 1 from case_subjects ps join cases pc on pc.id = ps.case_id
      where ps.person_id = ${sql.ref(id)} and pc.hidden_from_search = 0)`,
  ]);
}

/** True when the user's agency is involved with the person: owns them, or owns or is shared on one of their cases. */
export function agencyInvolvedWithPersonSql(user: PolicyUser, personIdRef: string): RawBuilder<SqlBool> {
  return anyOf([
    sql<SqlBool>`exists (select 1 from persons ip where ip.id = ${sql.ref(personIdRef)} and ip.owner_agency_id = ${user.agencyId})`,
    sql<SqlBool>`exists (select 1 from case_subjects ics join cases ic on ic.id = ics.case_id
      where ics.person_id = ${sql.ref(personIdRef)} and (ic.owner_agency_id = ${user.agencyId}
      or (ic.sharing_level = 'shared' and exists (select 1 from case_shared_agencies isa where isa.case_id = ic.id and isa.agency_id = ${user.agencyId}))))`,
  ]);
}
