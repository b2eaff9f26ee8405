/** Loads a case as retention sees it: ownership, type, closure, its rule, latest decision and active holds. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { ReviewDecisionInput } from '../../domain/retention/review-due.ts';
import type { CaseStatus } from '../../domain/vocabulary.ts';

/** A case's retention facts (no content but its reference). */
export interface RetentionCase {
  id: string;
  reference: string;
  ownerAgencyId: string;
  caseType: string;
  status: CaseStatus;
  closedAt: string | null;
  rule: { reviewAfterYears: number; version: number };
  latest: (ReviewDecisionInput & { reason: string; decidedBy: string; decidedAt: string }) | null;
  activeHoldIds: string[];
}

/** The rule of a case type: its `retention_rules` row, else the period the case type carries (version 0). */
export async function ruleOf(db: Kysely<ServerDatabase>, caseType: string): Promise<{ reviewAfterYears: number; version: number }> {
  const rule = await db.selectFrom('retention_rules').select(['review_after_years', 'version']).where('case_type', '=', caseType).executeTakeFirst();
  if (rule) {
    return { reviewAfterYears: Number(rule.review_after_years), version: Number(rule.version) };
  }
  const type = await db.selectFrom('case_types').select('retention_years').where('code', '=', caseType).executeTakeFirst();
  return { reviewAfterYears: Number(type?.retention_years ?? 6), version: 0 };
}

/** The case's retention facts, or null when there is no such case. */
export async function loadRetentionCase(db: Kysely<ServerDatabase>, caseId: string): Promise<RetentionCase | null> {
  const row = await db.selectFrom('cases').select(['id', 'reference', 'owner_agency_id', 'case_type', 'status', 'closed_at'])
    .where('id', '=', caseId).executeTakeFirst();
  if (!row) {
    return null;
  }
  const latest = await db.selectFrom('retention_reviews').select(['decision', 'keep_until', 'reason', 'decided_by', 'decided_at'])
    .where('case_id', '=', caseId).orderBy('decided_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  const holds = await db.selectFrom('legal_holds').select('id').where('case_id', '=', caseId).where('released_at', 'is', null).execute();
  return {
    id: row.id, reference: row.reference, ownerAgencyId: row.owner_agency_id, caseType: row.case_type, status: row.status, closedAt: row.closed_at,
    rule: await ruleOf(db, row.case_type),
    latest: latest ? { decision: latest.decision, keepUntil: latest.keep_until, reason: latest.reason, decidedBy: latest.decided_by, decidedAt: latest.decided_at } : null,
    activeHoldIds: holds.map((h) => h.id),
  };
}

/** The rule as the tombstone names it. */
export function ruleText(c: RetentionCase): string {
  return `${c.caseType}: review ${c.rule.reviewAfterYears} years after closure (rule version ${c.rule.version})`;
}
