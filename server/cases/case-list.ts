/**
 * The authorized case list: the user's audience rows walked newest first, or with a filter on the
 * case the per-case visibility filter (docs/access.md, "The case list's audience rows"), keyset
 * paging on (updated_at desc, id desc), and every row checked again against the pure policy.
 */
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { CaseTable, ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { CaseSummary } from '../../domain/entities/case.ts';
import { canSeeCase } from '../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { audiencePageSql, type AudiencePageFilter } from '../access/case-audience.ts';
import { filteredCasesPage, filtersOnCase } from './case-list-filtered.ts';
import { policyOf } from './case-policy-loader.ts';
import { pageShareColumns, pageShares, type PageShareColumns } from './case-page-shares.ts';
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

/** A page row: the case and its named shares, read by one statement. */
type PageRow = Selectable<CaseTable> & PageShareColumns;

interface PageRows {
  /** Up to limit + 1 keys, newest first. */
  keys: { updated_at: string; case_id: string }[];
  /** The rows of the keys' cases (the key past the page may have its row too). */
  byId: Map<string, PageRow>;
}

/**
 * The unfiltered page in one statement: the user's audience rows (`audiencePageSql`), each key's
 * case row and its named shares. A key whose case is gone keeps its place with no row.
 */
export function audiencePageRowsSql(user: PolicyUser, at: string, f: AudiencePageFilter): RawBuilder<KeyedRow> | undefined {
  const keys = audiencePageSql(user, at, f);
  return keys === undefined ? undefined : sql<KeyedRow>`select k.updated_at as key_updated_at, k.case_id as key_case_id, c.*,
    ${sql.join(pageShareColumns(user.id, 'c.id'))}
    from (${keys}) k left join cases c on c.id = k.case_id order by k.updated_at desc, k.case_id desc`;
}

/** A row of `audiencePageRowsSql`: its key, and the case's columns (all null when the case is gone). */
export type KeyedRow = PageRow & { key_updated_at: string; key_case_id: string };

async function audiencePage(db: Kysely<ServerDatabase>, user: PolicyUser, at: string, f: AudiencePageFilter): Promise<PageRows> {
  const pageSql = audiencePageRowsSql(user, at, f);
  const rows = pageSql === undefined ? [] : (await pageSql.execute(db)).rows;
  return {
    keys: rows.map((r) => ({ updated_at: r.key_updated_at, case_id: r.key_case_id })),
    byId: new Map(rows.filter((r) => r.id !== null).map((r) => [r.id, r])),
  };
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
  const shares = await pageShares(db, page.flatMap((k) => byId.get(k.case_id) ?? []), user.id);
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
