/** Registers the access-request routes declared in domain/http/document-routes.ts. */
import type { FastifyInstance } from 'fastify';
import { routes } from '../../domain/http/routes.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../server-context.ts';
import { listVisibleAccessRequests, toAccessRequestRecord } from './access-request-record.ts';
import { decideAccessRequest } from './decide-access-request.ts';
import { requestAccess } from './request-access.ts';
import { revokeAccessGrant } from './revoke-access-grant.ts';

/** Registers the access-request routes. */
export function registerAccessRequestRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.requestAccess, ({ body, user, request }) => requestAccess(ctx, user, actorOf(user, request), body));

  registerRoute(app, ctx, routes.listAccessRequests, async ({ query, user }) => {
    const at = ctx.now().toISOString();
    const rows = await listVisibleAccessRequests(ctx.db, user, query.status);
    return { requests: rows.map((row) => toAccessRequestRecord(user, row, at)) };
  });

  registerRoute(app, ctx, routes.approveAccessRequest, ({ params, body, user, request }) =>
    decideAccessRequest(ctx, user, actorOf(user, request), params.id, { kind: 'approve', ...body }));

  registerRoute(app, ctx, routes.denyAccessRequest, ({ params, body, user, request }) =>
    decideAccessRequest(ctx, user, actorOf(user, request), params.id, { kind: 'deny', ...body }));

  registerRoute(app, ctx, routes.revokeAccessGrant, ({ params, body, user, request }) =>
    revokeAccessGrant(ctx, user, actorOf(user, request), params.id, body?.note ?? null));
}
