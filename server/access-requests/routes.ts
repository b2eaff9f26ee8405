/** Registers the access-request routes declared in domain/http/access-request-routes.ts. */
import type { FastifyInstance } from 'fastify';
import { accessRequestRoutes } from '../../domain/http/access-request-routes.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { signpostCase } from './case-signpost.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { listVisibleAccessRequests, toAccessRequestRecord } from './access-request-record.ts';
import { decideAccessRequest } from './decide-access-request.ts';
import { requestAccess } from './request-access.ts';
import { revokeAccessGrant } from './revoke-access-grant.ts';

/** Registers the access-request routes. */
export function registerAccessRequestRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, accessRequestRoutes.requestAccess, ({ body, user, request }) => requestAccess(ctx, user, actorOf(user, request), body));

  // A look-up by reference is a search: audited with its terms and what it returned.
  registerRoute(app, ctx, accessRequestRoutes.signpostCase, async ({ query, user, request }) => {
    const now = ctx.now();
    const result = await signpostCase(ctx, user, now.toISOString(), query.reference);
    await recordAuditNow(ctx.db, {
      actor: actorOf(user, request), action: 'record.search', entityType: 'case', outcome: 'success', at: now,
      details: { kind: 'signpost', terms: { reference: query.reference }, returned: result === null ? [] : [{ id: result.id, view: result.view }] },
    });
    return { result };
  });

  registerRoute(app, ctx, accessRequestRoutes.listAccessRequests, async ({ query, user }) => {
    const at = ctx.now().toISOString();
    const rows = await listVisibleAccessRequests(ctx.db, user, query.status);
    return { requests: rows.map((row) => toAccessRequestRecord(user, row, at)) };
  });

  registerRoute(app, ctx, accessRequestRoutes.approveAccessRequest, ({ params, body, user, request }) =>
    decideAccessRequest(ctx, user, actorOf(user, request), params.id, { kind: 'approve', ...body }));

  registerRoute(app, ctx, accessRequestRoutes.denyAccessRequest, ({ params, body, user, request }) =>
    decideAccessRequest(ctx, user, actorOf(user, request), params.id, { kind: 'deny', ...body }));

  registerRoute(app, ctx, accessRequestRoutes.revokeAccessGrant, ({ params, body, user, request }) =>
    revokeAccessGrant(ctx, user, actorOf(user, request), params.id, body?.note ?? null));
}
