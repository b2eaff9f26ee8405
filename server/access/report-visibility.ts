/** The SQL twin of `canSeeReport`: visible case, and the author's restriction admits the user. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseIdVisibleSql } from './case-visibility.ts';
import { allOf, anyOf, audienceSql, sharedViaKindTable } from './sql-audience.ts';

/** The author's restriction on a report, for a query where the report table is `alias`. */
export function reportRestrictionSql(user: PolicyUser, alias = 'reports'): RawBuilder<SqlBool> {
  const col = (name: string) => `${alias}.${name}`;
  return anyOf([
    sql<SqlBool>`${sql.ref(col('sharing_level'))} = 'case'`,
    audienceSql(
      user,
      { agency: col('author_agency_id'), team: col('author_team_id'), user: col('author_user_id'), level: col('sharing_level') },
      sharedViaKindTable('report_shares', 'report_id', col('id')),
    ),
  ]);
}

/** True exactly for the reports the user may see. */
export function reportVisibleSql(user: PolicyUser, at: string, alias = 'reports'): RawBuilder<SqlBool> {
  return allOf([caseIdVisibleSql(user, at, `${alias}.case_id`), reportRestrictionSql(user, alias)]);
}
