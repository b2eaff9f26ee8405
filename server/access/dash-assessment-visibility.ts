/**
 * SQL twin of `seesDashAssessment` (domain/policy/marac-referral-policy.ts): an assessment is seen by
 * the assessing agency's case readers and by whoever sees the case of a referral resting on it.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseIdVisibleSql } from './case-visibility.ts';
import { anyOf, FALSE_SQL } from './sql-audience.ts';

/** The filter over `alias` (a `dash_assessments` row) for the user at `at`. */
export function dashAssessmentVisibleSql(user: PolicyUser, at: string, alias = 'dash_assessments'): RawBuilder<SqlBool> {
  if (!readsCases(user)) {
    return FALSE_SQL;
  }
  return anyOf([
    sql<SqlBool>`${sql.ref(`${alias}.agency_id`)} = ${user.agencyId}`,
    sql<SqlBool>`exists (select 1 from marac_referrals mr where mr.dash_assessment_id = ${sql.ref(`${alias}.id`)} and ${caseIdVisibleSql(user, at, 'mr.case_id')})`,
  ]);
}
