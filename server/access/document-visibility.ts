/** The SQL twin of `canSeeDocument`: its report (or case) is visible, and its own restriction admits the user. */
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseIdVisibleSql } from './case-visibility.ts';
import { reportRestrictionSql } from './report-visibility.ts';
import { allOf, anyOf, audienceSql, sharedViaKindTable } from './sql-audience.ts';

/** True exactly for the documents the user may see, where the document table is `alias`. */
export function documentVisibleSql(user: PolicyUser, at: string, alias = 'documents'): RawBuilder<SqlBool> {
  const col = (name: string) => `${alias}.${name}`;
  const reportAdmits = anyOf([
    sql<SqlBool>`${sql.ref(col('report_id'))} is null`,
    sql<SqlBool>`exists (select 1 from reports vr where vr.id = ${sql.ref(col('report_id'))} and ${reportRestrictionSql(user, 'vr')})`,
  ]);
  const ownRestriction = anyOf([
    sql<SqlBool>`${sql.ref(col('sharing_level'))} = 'parent'`,
    audienceSql(
      user,
      { agency: col('owner_agency_id'), team: col('owner_team_id'), user: col('uploaded_by'), level: col('sharing_level') },
      sharedViaKindTable('document_shares', 'document_id', col('id')),
    ),
  ]);
  return allOf([caseIdVisibleSql(user, at, col('case_id')), reportAdmits, ownRestriction]);
}
