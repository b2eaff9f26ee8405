/** The authorized case list: one visibility filter, keyset paging on (updated_at desc, id). */
import { sql, type Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { CaseSummary } from '../../domain/entities/case.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';
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

/** Escapes LIKE wildcards so a search for `50%` means the text `50%`. */
export function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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

/** One page of the cases the user may see, newest activity first. */
export async function listCases(
  db: Kysely<ServerDatabase>, user: PolicyUser, at: string, f: CaseListFilter,
): Promise<{ cases: CaseSummary[]; nextCursor: string | null }> {
  const after = f.cursor === undefined ? undefined : decodeCursor(f.cursor);
  const rows = await db.selectFrom('cases').selectAll()
    .where(caseVisibleSql(user, at, 'cases'))
    .$if(f.status !== undefined, (qb) => qb.where('cases.status', '=', f.status!))
    .$if(f.caseType !== undefined, (qb) => qb.where('cases.case_type', '=', f.caseType!))
    .$if(f.riskLevel !== undefined, (qb) => qb.where('cases.risk_level', '=', f.riskLevel!))
    .$if(f.ownerAgencyId !== undefined, (qb) => qb.where('cases.owner_agency_id', '=', f.ownerAgencyId!))
    .$if(f.q !== undefined, (qb) => qb.where(sql<boolean>`(lower(cases.reference) like ${likePattern(f.q!)} escape '\\'
      or lower(cases.title) like ${likePattern(f.q!)} escape '\\')`))
    .$if(after !== undefined, (qb) => qb.where((eb) => eb.or([
      eb('cases.updated_at', '<', after!.updatedAt),
      eb.and([eb('cases.updated_at', '=', after!.updatedAt), eb('cases.id', '<', after!.id)]),
    ])))
    // Both keys descending, so the (updated_at, id) index is walked backwards with no sort step.
    .orderBy('cases.updated_at', 'desc').orderBy('cases.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const shares = await loadCaseShares(db, page.map((r) => r.id), user.id);
  const last = page.at(-1);
  return {
    cases: page.map((r) => toCaseSummary(r, policyOf(r, shares), user, at)),
    nextCursor: rows.length > f.limit && last ? encodeCursor(last.updated_at, last.id) : null,
  };
}
