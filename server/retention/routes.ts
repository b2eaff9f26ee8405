/** Registers the retention routes (docs/audit.md, "Retention and erasure"). */
import type { FastifyInstance } from 'fastify';
import { routes } from '../../domain/http/routes.ts';
import { CodedError } from '../../domain/errors.ts';
import { mayListRetentionReviews, mayReadRetentionRules } from '../../domain/policy/retention-policy.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import type { ServerContext } from '../context/server-context.ts';
import { registerRoute } from '../http/register-route.ts';
import { eraseCase } from './erase-case.ts';
import { listRetentionRules, setRetentionRule } from './retention-rules.ts';
import { decideRetention, placeLegalHold, releaseLegalHold } from './review-decisions.ts';
import { listReviewsDue } from './review-due-list.ts';

/** Registers the routes. */
export function registerRetentionRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.listRetentionRules, async ({ user }) => {
    if (!mayReadRetentionRules(user)) {
      throw new CodedError('authorization_error', 'Only system administrators and data officers read retention rules.');
    }
    return { rules: await listRetentionRules(ctx.db) };
  });
  registerRoute(app, ctx, routes.setRetentionRule, ({ params, body, user, request }) =>
    setRetentionRule(ctx, user, actorOf(user, request), params.caseType, body.reviewAfterYears));

  registerRoute(app, ctx, routes.listRetentionReviews, async ({ query, user, request }) => {
    const now = ctx.now();
    const actor = actorOf(user, request);
    const event = { actor, action: 'record.list' as const, entityType: 'retention_review', at: now };
    if (!mayListRetentionReviews(user)) {
      await recordAuditNow(ctx.db, { ...event, outcome: 'denied' });
      throw new CodedError('authorization_error', 'Only a data officer has a retention review list.');
    }
    const dueBy = query.dueBy ?? now.toISOString().slice(0, 10);
    const items = await listReviewsDue(ctx.db, user.agencyId, dueBy, query.limit);
    // Ids and count only, like every list read.
    await recordAuditNow(ctx.db, {
      ...event, outcome: 'success', details: { list: 'retention_reviews', dueBy, ids: items.map((i) => i.caseId), count: items.length },
      subject: { ownerAgencyIds: [user.agencyId] },
    });
    return { items };
  });
  registerRoute(app, ctx, routes.decideRetention, ({ params, body, user, request }) => decideRetention(ctx, user, actorOf(user, request), params.id, body));
  registerRoute(app, ctx, routes.placeLegalHold, ({ params, body, user, request }) => placeLegalHold(ctx, user, actorOf(user, request), params.id, body.reason));
  registerRoute(app, ctx, routes.releaseLegalHold, async ({ params, user, request }) => {
    await releaseLegalHold(ctx, user, actorOf(user, request), params.id);
    return { released: true as const };
  });
  registerRoute(app, ctx, routes.eraseCase, ({ params, body, user, request }) => eraseCase(ctx, user, actorOf(user, request), params.id, body));
}
