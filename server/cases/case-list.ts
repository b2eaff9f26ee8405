/**
 * The authorized case list: the user's audience rows walked newest first (docs/access.md, "The
 * case list's audience rows"), keyset paging on (updated_at desc, id desc), and every row checked
 * again against the pure policy before it is shown.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { CaseSummary } from '../../domain/entities/case.ts';
import { canSeeCase } from '../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { audiencePageSql } from '../access/case-audience.ts';
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

/**
 * One page of the cases the user may see, newest activity first. A row the audience admitted but
 * the pure policy refuses (a stale audience row) is never shown: it is dropped and reported to
 * `onRefused`, and paging carries on past it.
 */
export async function listCases(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, f: CaseListFilter, onRefused: (caseId: string) => void = () => undefined,
): Promise<{ cases: CaseSummary[]; nextCursor: string | null }> {
  const after = f.cursor === undefined ? undefined : decodeCursor(f.cursor);
  const pageSql = audiencePageSql(user, at, { ...f, after, limit: f.limit + 1 });
  const keys = pageSql === undefined ? [] : (await pageSql.execute(db)).rows;
  const page = keys.slice(0, f.limit);
  const rows = page.length === 0 ? [] : await db.selectFrom('cases').selectAll().where('id', 'in', page.map((k) => k.case_id)).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const shares = await loadCaseShares(db, rows.map((r) => r.id), user.id);
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
