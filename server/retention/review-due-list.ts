/** The review-due list: a data officer's agency's closed cases whose retention review falls by a date. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { RetentionReviewItem } from '../../domain/entities/retention.ts';
import { nextReviewDate } from '../../domain/retention/review-due.ts';

/**
 * The agency's closed cases due by `dueBy`, oldest due first. A case can only be due when its rule's
 * date has passed, so the query narrows by closure time with the shortest rule, and the pure rule decides.
 */
export async function listReviewsDue(db: Kysely<ServerDatabase>, agencyId: string, dueBy: string, limit: number): Promise<RetentionReviewItem[]> {
  const rules = new Map((await db.selectFrom('case_types as t').leftJoin('retention_rules as r', 'r.case_type', 't.code')
    .select(['t.code', 't.retention_years', 'r.review_after_years']).execute())
    .map((r) => [r.code, Number(r.review_after_years ?? r.retention_years)]));
  const shortest = rules.size > 0 ? Math.min(...rules.values()) : 6;
  // Closed at or before the end of `dueBy` minus the shortest rule: never misses a due case.
  const closedBefore = `${Number(dueBy.slice(0, 4)) - shortest}${dueBy.slice(4)}T23:59:59.999Z`;
  const cases = await db.selectFrom('cases').select(['id', 'reference', 'case_type', 'closed_at'])
    .where('owner_agency_id', '=', agencyId).where('status', '=', 'closed').where('closed_at', 'is not', null).where('closed_at', '<=', closedBefore)
    .orderBy('closed_at').execute();
  if (cases.length === 0) {
    return [];
  }
  const caseIds = cases.map((c) => c.id);
  const decisions = await db.selectFrom('retention_reviews').select(['case_id', 'decision', 'keep_until', 'reason', 'decided_by', 'decided_at'])
    .where('case_id', 'in', caseIds).orderBy('decided_at').orderBy('id').execute();
  const latest = new Map(decisions.map((d) => [d.case_id, d]));
  const holds = await db.selectFrom('legal_holds').select(['id', 'case_id', 'reason', 'placed_by', 'placed_at'])
    .where('case_id', 'in', caseIds).where('released_at', 'is', null).orderBy('placed_at').execute();
  const items: RetentionReviewItem[] = [];
  for (const c of cases) {
    const years = rules.get(c.case_type) ?? 6;
    const d = latest.get(c.id);
    const decision = d ? { decision: d.decision, keepUntil: d.keep_until } : null;
    const dueOn = nextReviewDate({ status: 'closed', closedAt: c.closed_at }, years, decision);
    if (dueOn === null || dueOn > dueBy) {
      continue;
    }
    items.push({
      caseId: c.id, reference: c.reference, caseType: c.case_type, closedAt: c.closed_at!, reviewAfterYears: years,
      dueOn,
      latestDecision: d ? { decision: d.decision, keepUntil: d.keep_until, reason: d.reason, decidedBy: d.decided_by, decidedAt: d.decided_at } : null,
      holds: holds.filter((h) => h.case_id === c.id).map((h) => ({ id: h.id, reason: h.reason, placedBy: h.placed_by, placedAt: h.placed_at })),
    });
  }
  return items.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference)).slice(0, limit);
}
