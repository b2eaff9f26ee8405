/** Review decisions and legal holds on a case, by a data officer of its agency; each is audited. */
import type { z } from 'zod';
import type { LegalHoldSchema, RetentionDecisionBody, RetentionDecisionSchema } from '../../domain/entities/retention.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { isReviewDue } from '../../domain/retention/review-due.ts';
import { mayManageRetention } from '../../domain/policy/retention-policy.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAudit, recordAuditNow, type AuditActor } from '../audit/record-audit.ts';
import type { ServerContext } from '../context/server-context.ts';
import { withWrite } from '../db/write.ts';
import { guardRetentionCase } from './guard-retention-case.ts';

/**
 * Records a decision on a closed case due for review. `keep` needs a date after today (the case is
 * due again then); `erase` marks it for erasure, which the erase route then carries out.
 */
export async function decideRetention(
  ctx: ServerContext, user: AuthUser, actor: AuditActor, caseId: string, body: RetentionDecisionBody,
): Promise<z.input<typeof RetentionDecisionSchema>> {
  const now = ctx.now();
  const at = now.toISOString();
  const today = at.slice(0, 10);
  const c = await guardRetentionCase(ctx.db, user, actor, caseId, 'retention.decision', now);
  if (!isReviewDue({ status: c.status, closedAt: c.closedAt }, c.rule.reviewAfterYears, null, today)) {
    throw new CodedError('conflict', 'This case is not due for a retention review.');
  }
  const keepUntil = body.decision === 'keep' ? body.keepUntil : null;
  if (keepUntil !== null && keepUntil <= today) {
    throw new CodedError('validation_error', 'Invalid body at keepUntil: keep the case until a date after today.');
  }
  await withWrite(ctx, async (trx) => {
    await trx.insertInto('retention_reviews').values({
      id: newId(), case_id: caseId, decision: body.decision, keep_until: keepUntil, reason: body.reason, decided_by: user.id, decided_at: at,
    }).execute();
    await recordAudit(trx, {
      actor, action: 'retention.decision', entityType: 'case', entityId: caseId, outcome: 'success', at: now, justification: body.reason,
      details: { decision: body.decision, keepUntil, rule: { caseType: c.caseType, reviewAfterYears: c.rule.reviewAfterYears, version: c.rule.version } },
    });
  });
  return { decision: body.decision, keepUntil, reason: body.reason, decidedBy: user.id, decidedAt: at };
}

/** Places a legal hold on a case (open or closed): until released, it cannot be erased. */
export async function placeLegalHold(
  ctx: ServerContext, user: AuthUser, actor: AuditActor, caseId: string, reason: string,
): Promise<z.input<typeof LegalHoldSchema>> {
  const now = ctx.now();
  const at = now.toISOString();
  await guardRetentionCase(ctx.db, user, actor, caseId, 'retention.hold', now);
  const id = newId();
  await withWrite(ctx, async (trx) => {
    await trx.insertInto('legal_holds').values({ id, case_id: caseId, reason, placed_by: user.id, placed_at: at, released_by: null, released_at: null }).execute();
    await recordAudit(trx, {
      actor, action: 'retention.hold', entityType: 'case', entityId: caseId, outcome: 'success', at: now, justification: reason, details: { holdId: id, hold: 'placed' },
    });
  });
  return { id, reason, placedBy: user.id, placedAt: at };
}

/** Releases an active legal hold of the user's agency's case. */
export async function releaseLegalHold(ctx: ServerContext, user: AuthUser, actor: AuditActor, holdId: string): Promise<void> {
  const now = ctx.now();
  const at = now.toISOString();
  const hold = await ctx.db.selectFrom('legal_holds as h').innerJoin('cases as c', 'c.id', 'h.case_id')
    .select(['h.case_id', 'h.released_at', 'c.owner_agency_id']).where('h.id', '=', holdId).executeTakeFirst();
  if (!hold || !mayManageRetention(user, hold.owner_agency_id) || hold.released_at !== null) {
    await recordAuditNow(ctx.db, {
      actor, action: 'retention.hold', entityType: 'case', entityId: hold?.case_id ?? null, outcome: 'denied', at: now, details: { holdId, hold: 'release' },
    });
    throw user.role === 'data_officer'
      ? new CodedError('not_found', 'No such active legal hold on a case of your agency.')
      : new CodedError('authorization_error', "Only a data officer of the case's agency may release a legal hold.");
  }
  await withWrite(ctx, async (trx) => {
    const released = await trx.updateTable('legal_holds').set({ released_by: user.id, released_at: at }).where('id', '=', holdId).where('released_at', 'is', null).executeTakeFirst();
    if (Number(released.numUpdatedRows) !== 1) {
      throw new CodedError('conflict', 'The hold was released meanwhile.');
    }
    await recordAudit(trx, {
      actor, action: 'retention.hold', entityType: 'case', entityId: hold.case_id, outcome: 'success', at: now, details: { holdId, hold: 'released' },
    });
  });
}
