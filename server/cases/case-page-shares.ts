/**
 * A case list page's named shares, read by the page's own statement (docs/access.md, "The case
 * list's audience rows"): one correlated subquery per share table gives each case's grantee ids
 * joined by commas (ids are UUIDs, so a comma never occurs in one; `pageShares` puts them in id order), and a flag says
 * whether the user holds any grant row on the case. Only the flagged cases' grants are read
 * afterwards, so a page costs one statement where it took a second one binding every id four times.
 */
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { loadCaseGrants, type loadCaseShares } from './case-policy-loader.ts';

/** The columns `pageShareColumns` adds to each case row. */
export interface PageShareColumns {
  shared_agency_ids: string | null;
  shared_team_ids: string | null;
  shared_user_ids: string | null;
  /** 1 when the user holds a grant row on the case, in force or not. */
  holds_grant_row: number;
}

type CaseShares = Awaited<ReturnType<typeof loadCaseShares>>;

/** The share columns of the case whose id is `caseIdRef`, for the user `userId`. */
export function pageShareColumns(userId: string, caseIdRef: string) {
  const caseId = sql.ref(caseIdRef);
  // No ORDER BY inside the aggregate: SQLite sorts it in a temporary b-tree for every case (~12 % of the list
  // page's statement); `pageShares` sorts each short list instead.
  const ids = (table: string, column: string) => sql<string | null>`(select string_agg(s.${sql.ref(column)}, ',')
    from ${sql.table(table)} s where s.case_id = ${caseId})`;
  return [
    ids('case_shared_agencies', 'agency_id').as('shared_agency_ids'),
    ids('case_shared_teams', 'team_id').as('shared_team_ids'),
    ids('case_shared_users', 'user_id').as('shared_user_ids'),
    sql<number>`case when exists (select 1 from access_grants g where g.resource_type = 'case' and g.resource_id = ${caseId}
      and g.user_id = ${userId}) then 1 else 0 end`.as('holds_grant_row'),
  ] as const;
}

/** The page's shares in the shape `policyOf` reads: named shares from the rows, grants loaded for the flagged cases only. */
export async function pageShares(db: Kysely<ServerDatabase>, rows: ReadonlyArray<PageShareColumns & { id: string }>, userId: string): Promise<CaseShares> {
  const split = (ids: string | null) => (ids === null ? [] : ids.split(',').sort());
  const lists = (column: 'shared_agency_ids' | 'shared_team_ids' | 'shared_user_ids') =>
    new Map(rows.filter((r) => r[column] !== null).map((r) => [r.id, split(r[column])]));
  const flagged = rows.filter((r) => Number(r.holds_grant_row) === 1).map((r) => r.id);
  return { agencies: lists('shared_agency_ids'), teams: lists('shared_team_ids'), users: lists('shared_user_ids'), grants: await loadCaseGrants(db, flagged, userId) };
}
