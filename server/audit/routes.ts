/** Registers the audit routes declared in domain/http: search (data officers, team managers), log verification (data officers), and desktops' offline reads. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AuditAction } from '../../domain/audit/audit-actions.ts';
import { CodedError } from '../../domain/errors.ts';
import { auditScopeOf } from '../../domain/policy/audit-policy.ts';
import { routes } from '../../domain/http/routes.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { actorOf } from './audit-actor.ts';
import { recordAuditNow } from './record-audit.ts';
import { recordClientEvents } from './record-client-events.ts';
import { searchAudit } from './search-audit.ts';
import { auditLogConfig } from '../context/audit-log-config.ts';
import { readCheckpoints } from './checkpoint-file.ts';
import { verifyAuditLog } from './verify-log.ts';

/** Registers the audit routes. */
export function registerAuditRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  registerRoute(app, ctx, routes.auditEvents, async ({ query, user, request }) => {
    const filters = { ...query };
    // Data officers search their agency's trail; team managers their staff's events; anyone else is refused.
    const scope = auditScopeOf(user);
    if (scope === null) {
      await audit(ctx, user, request, 'record.search', 'denied', { filters });
      throw new CodedError('authorization_error', 'Only a data officer or a team manager may read the audit trail.');
    }
    const page = await searchAudit(ctx.db, scope, query);
    await audit(ctx, user, request, 'record.search', 'success', { filters, scope: scope.kind, returned: page.events.length });
    return page;
  });

  registerRoute(app, ctx, routes.auditVerify, async ({ user, request }) => {
    await refuseUnlessDataOfficer(ctx, user, request, 'audit.verify', {});
    // What `npm run audit:verify` checks, with the server's own checkpoint file and key: read the
    // checkpoints first, so none can be newer than the events the chain walk then reads.
    const published = await readCheckpoints(auditLogConfig(ctx.config).checkpointFile);
    const result = await verifyAuditLog(ctx.db, published, ctx.auditCheckpoints.verifierKey);
    await audit(ctx, user, request, 'audit.verify', result.ok ? 'success' : 'failure', result.ok
      ? { events: result.events, checkpoints: result.checkpoints }
      : { reason: result.reason, firstBrokenSeq: result.firstBrokenSeq ?? null, lastSuspectSeq: result.lastSuspectSeq ?? null, checkpointLine: result.checkpointLine ?? null });
    return result;
  });

  // Any signed-in user, for their own reads only: the actor is the token's.
  registerRoute(app, ctx, routes.auditClientEvents, ({ body, user, request }) => recordClientEvents(ctx, user, request, body));
  return Promise.resolve();
}

/** Only data officers read the audit trail; anyone else's attempt is itself recorded as denied. */
async function refuseUnlessDataOfficer(
  ctx: ServerContext, user: AuthUser, request: FastifyRequest, action: AuditAction, details: Record<string, unknown>,
): Promise<void> {
  if (user.role !== 'data_officer') {
    await audit(ctx, user, request, action, 'denied', details);
    throw new CodedError('authorization_error', 'Only a data officer may read the audit trail.');
  }
}

function audit(
  ctx: ServerContext, user: AuthUser, request: FastifyRequest, action: AuditAction,
  outcome: 'success' | 'failure' | 'denied', details: Record<string, unknown>,
): Promise<number> {
  return recordAuditNow(ctx.db, {
    actor: actorOf(user, request), action, entityType: 'audit_event', entityId: null, outcome, details, at: ctx.now(),
  });
}
