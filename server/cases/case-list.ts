/**
 * The authorized case list: the user's audience rows walked newest first, or with a filter on the
 * case the per-case visibility filter (docs/access.md, "The case list's audience rows"), keyset
 * paging on (updated_at desc, id desc), and every row checked again against the pure policy.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CaseTable, ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { CaseSummary } from '../../domain/entities/case.ts';
import { canSeeCase } from '../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { audiencePageSql, type AudiencePageFilter } from '../access/case-audience.ts';
import { filteredCasesPage, filtersOnCase } from './case-list-filtered.ts';
import { loadCaseShares, policyOf } from './case-policy-loader.ts';
import { toCaseSummary } from './case-summary.ts';
import type { CaseStatus, RiskLevel } from '../../domain/vocabulary.ts';

/** The filters of a case list page. */
export interface CaseListFilter {
  status?: CaseStatus | undefined;
  caseType?: string | undefined;
  riskLevel?: RiskLevel | undefined;
  q?: string | undefined;
  ownerAgencyId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

function decodeCursor(cursor: string): { updatedAt: string; id: string } {
  const [updatedAt, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!updatedAt || !id || rest.length > 0) {
    throw new CodedError('validation_error', 'Invalid query at cursor: not a cursor from this list.');
  }
  return { updatedAt, id };
}

function encodeCursor(updatedAt: string, id: string): string {
  return Buffer.from(`${updatedAt}|${id}`, 'utf8').toString('base64url');
}

interface PageRows {
  /** Up to limit + 1 keys, newest first. */
  keys: { updated_at: string; case_id: string }[];
  /** The case rows of the first `limit` keys. */
  byId: Map<string, Selectable<CaseTable>>;
}

/** The unfiltered page: the user's audience rows, then those cases by id. */
async function audiencePage(db: Kysely<ServerDatabase>, user: PolicyUser, at: string, f: AudiencePageFilter): Promise<PageRows> {
  const pageSql = audiencePageSql(user, at, f);
  const keys = pageSql === undefined ? [] : (await pageSql.execute(db)).rows;
  // `f.limit` is the page plus one: the last key only says whether there is more.
  const ids = keys.slice(0, f.limit - 1).map((k) => k.case_id);
  const rows = ids.length === 0 ? [] : await db.selectFrom('cases').selectAll().where('id', 'in', ids).execute();
  return { keys, byId: new Map(rows.map((r) => [r.id, r])) };
}

/** The filtered page: the per-case visibility filter on `cases`, which already returns the rows. */
async function filteredPage(db: Kysely<ServerDatabase>, user: PolicyUser, at: string, f: AudiencePageFilter): Promise<PageRows> {
  const rows = await filteredCasesPage(db, user, at, f);
  return { keys: rows.map((r) => ({ updated_at: r.updated_at, case_id: r.id })), byId: new Map(rows.map((r) => [r.id, r])) };
}

/**
 * One page of the cases the user may see, newest activity first: the audience rows when the page
 * is unfiltered, the per-case filter when it filters on the case (docs/access.md). A row the query
 * admitted but the pure policy refuses (a stale audience row) is never shown: it is dropped and
 * reported to `onRefused`, and paging carries on past it.
 */
export async function listCases(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, f: CaseListFilter, onRefused: (caseId: string) => void = () => undefined,
): Promise<{ cases: CaseSummary[]; nextCursor: string | null }> {
  const after = f.cursor === undefined ? undefined : decodeCursor(f.cursor);
  const query = { ...f, after, limit: f.limit + 1 };
  const { keys, byId } = await (filtersOnCase(query) ? filteredPage : audiencePage)(db, user, at, query);
  const page = keys.slice(0, f.limit);
  const shares = await loadCaseShares(db, [...byId.keys()], user.id);
  const cases: CaseSummary[] = [];
  for (const key of page) {
    const row = byId.get(key.case_id);
    const policy = row === undefined ? undefined : policyOf(row, shares);
    if (row === undefined || policy === undefined || !canSeeCase(user, policy, at)) {
      onRefused(key.case_id);
      continue;
    }
    cases.push(toCaseSummary(row, policy, user, at));
  }
  const last = page.at(-1);
  return {
    cases,
    nextCursor: keys.length > f.limit && last ? encodeCursor(last.updated_at, last.case_id) : null,
  };
}
