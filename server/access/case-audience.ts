/**
 * The case list's audience rows (docs/access.md, "The case list's audience rows"): the indexable
 * twin of `canSeeCase`. Every write that changes who a case admits, or its `updated_at`, calls
 * `refreshCaseAudience` in its transaction; the list walks the rows of the user's principals.
 */
import { sql, type RawBuilder, type Transaction } from 'kysely';
import { writeCaseAudience } from '../../db/server/case-audience.ts';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { grantSql } from './case-visibility.ts';

/** Rewrites the audience rows of these cases from their current sharing (one DELETE, one INSERT … SELECT). */
export async function refreshCaseAudience(trx: Transaction<ServerDatabase>, caseIds: readonly string[]): Promise<void> {
  await writeCaseAudience(trx, [...new Set(caseIds)]);
}

/**
 * The principals a user answers to: their agency, themselves, each of their teams (as a member of
 * it within their agency, and as a named team), and each team they manage. None when their role
 * reads no cases, so no audience row ever admits them.
 */
export function casePrincipals(user: PolicyUser): string[] {
  if (!readsCases(user)) {
    return [];
  }
  return [
    `a:${user.agencyId}`,
    `u:${user.id}`,
    ...user.teamIds.map((t) => `t:${user.agencyId}:${t}`),
    ...user.teamIds.map((t) => `s:${t}`),
    ...(user.role === 'team_manager' ? user.teamIds.map((t) => `m:${user.agencyId}:${t}`) : []),
  ];
}

/** The list's filters on the case itself and its keyset position. */
export interface AudiencePageFilter {
  status?: string | undefined;
  caseType?: string | undefined;
  riskLevel?: string | undefined;
  q?: string | undefined;
  ownerAgencyId?: string | undefined;
  /** Only rows strictly after this `(updated_at, id)` position, newest first. */
  after?: { updatedAt: string; id: string } | undefined;
  limit: number;
}

/** Escapes LIKE wildcards so a search for `50%` means the text `50%`. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function caseConditions(f: AudiencePageFilter): RawBuilder<unknown>[] {
  const equal = ([column, value]: [string, string | undefined]) => (value === undefined ? [] : [sql`${sql.ref(column)} = ${value}`]);
  const q = f.q === undefined ? [] : [sql`(lower(c.reference) like ${likePattern(f.q)} escape '\\' or lower(c.title) like ${likePattern(f.q)} escape '\\')`];
  return [
    ...([['c.status', f.status], ['c.case_type', f.caseType], ['c.risk_level', f.riskLevel], ['c.owner_agency_id', f.ownerAgencyId]] as Array<[string, string | undefined]>).flatMap(equal),
    ...q,
  ];
}

function after(f: AudiencePageFilter, at: string, id: string): RawBuilder<unknown>[] {
  // The `<=` alone is what lets the index seek to the cursor instead of walking down to it.
  return f.after === undefined ? [] : [sql`${sql.ref(at)} <= ${f.after.updatedAt}`,
    sql`(${sql.ref(at)} < ${f.after.updatedAt} or (${sql.ref(at)} = ${f.after.updatedAt} and ${sql.ref(id)} < ${f.after.id}))`];
}

function checkedLimit(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1) {
    throw new RangeError(`a page limit must be a positive integer, not ${limit}`);
  }
  return limit;
}

const and = (parts: RawBuilder<unknown>[]) => sql.join(parts, sql` and `);

/**
 * One page of the user's visible cases as `(updated_at, case_id)`, newest first, at most
 * `limit` rows: each principal's rows walk the `(principal, updated_at, case_id)` index newest
 * first and stop after `limit` matches; the user's `g:` rows do the same, keeping only cases on
 * which a grant is in force at `at` (a `g:` row outlives its grant and admits nothing by itself);
 * the union (grouped, so a case reached through two principals counts once) keeps the first
 * `limit`. Undefined when the user can see no case at all.
 */
export function audiencePageSql(user: PolicyUser, at: string, f: AudiencePageFilter): RawBuilder<{ updated_at: string; case_id: string }> | undefined {
  if (!readsCases(user)) {
    return undefined;
  }
  const filters = caseConditions(f);
  // A literal, not a parameter: SQLite plans a bounded arm better when it sees the bound (an integer, checked here).
  const limit = sql.lit(checkedLimit(f.limit));
  const join = filters.length === 0 ? sql`` : sql`join cases c on c.id = a.case_id`;
  const arm = (conditions: RawBuilder<unknown>[]) => sql`select * from (select a.updated_at, a.case_id from case_audience a ${join}
    where ${and([...conditions, ...filters, ...after(f, 'a.updated_at', 'a.case_id')])}
    order by a.updated_at desc, a.case_id desc limit ${limit}) p`;
  const arms = casePrincipals(user).map((p) => arm([sql`a.principal = ${p}`]));
  arms.push(arm([sql`a.principal = ${`g:${user.id}`}`, grantSql(user, 'case', 'a.case_id', at)]));
  // UNION ALL then GROUP BY: measured faster on SQLite than a plain UNION's merge of seven sorted arms.
  return sql<{ updated_at: string; case_id: string }>`select updated_at, case_id from (${sql.join(arms, sql` union all `)}) u
    group by updated_at, case_id order by updated_at desc, case_id desc limit ${limit}`;
}
