/** Case text search over the cache: case reference and title, and the titles and bodies of the case's reports. */
import { sql, type Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { QueueRowSchema, type QueueRow } from '../../domain/ipc/contract.ts';
import { matchExpression, searchTerms } from './fts-match.ts';

/** A case found by text; `matchedIn` says whether the case itself or one of its reports matched. */
export interface CaseHit extends QueueRow {
  matchedIn: 'case' | 'report';
}

/** The answer; `truncated` when more cases or reports matched than were considered (type more). */
export interface CaseSearchResult {
  hits: CaseHit[];
  truncated: boolean;
}

/** How many matching cases and how many matching reports are considered at most. */
export const CASE_CANDIDATES = 500;

/** Prefix search; direct case matches first, then report matches, each newest first. */
export async function searchCases(db: Kysely<CacheDatabase>, input: string, limit = 50): Promise<CaseSearchResult> {
  const terms = searchTerms(input);
  if (terms.length === 0) {
    return { hits: [], truncated: false };
  }
  const match = matchExpression(terms, true);
  const { rows } = await sql<{
    id: string; reference: string; title: string; case_type: string; case_type_label: string | null; agency_name: string | null; status: string;
    risk_level: string; review_date: string | null; updated_at: string; tier: number; case_hits: number; report_hits: number;
  }>`
    WITH by_case AS (SELECT rowid AS rid FROM case_fts WHERE case_fts MATCH ${match} LIMIT ${CASE_CANDIDATES + 1}),
    by_report AS (SELECT rowid AS rid FROM report_fts WHERE report_fts MATCH ${match} LIMIT ${CASE_CANDIDATES + 1}),
    candidates AS (
      SELECT id, min(tier) AS tier FROM (
        SELECT c.id, 0 AS tier FROM by_case b JOIN cases c ON c.rid = b.rid
        UNION ALL SELECT r.case_id AS id, 1 AS tier FROM by_report b JOIN reports r ON r.rid = b.rid
      ) GROUP BY id
    )
    SELECT c.id, c.reference, c.title, c.case_type, t.label AS case_type_label, a.name AS agency_name, c.status, c.risk_level, c.review_date, c.updated_at, k.tier,
      (SELECT count(*) FROM by_case) AS case_hits, (SELECT count(*) FROM by_report) AS report_hits
    FROM candidates k JOIN cases c ON c.id = k.id LEFT JOIN agencies a ON a.id = c.owner_agency_id LEFT JOIN case_types t ON t.id = c.case_type
    ORDER BY k.tier, c.updated_at DESC, c.id
    LIMIT ${limit}
  `.execute(db);
  const first = rows[0];
  return {
    truncated: first !== undefined && (first.case_hits > CASE_CANDIDATES || first.report_hits > CASE_CANDIDATES),
    hits: rows.map((r) => ({
      ...QueueRowSchema.parse({
        id: r.id, reference: r.reference, title: r.title, caseType: r.case_type, caseTypeLabel: r.case_type_label ?? r.case_type, ownerAgencyName: r.agency_name ?? 'Unknown agency',
        status: r.status, riskLevel: r.risk_level, reviewDate: r.review_date, updatedAt: r.updated_at,
      }),
      matchedIn: r.tier === 0 ? 'case' : 'report',
    })),
  };
}
