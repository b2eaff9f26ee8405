/** Case visibility for queries on the `cases` table (the SQL twin of `canSeeCase`). */
import type { RawBuilder, SqlBool } from 'kysely';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';

/** A WHERE condition over `cases` true exactly for the cases the user may see at `at` (ISO time). */
export function caseVisibleTo(user: PolicyUser, at: string = new Date().toISOString()): RawBuilder<SqlBool> {
  return caseVisibleSql(user, at);
}
