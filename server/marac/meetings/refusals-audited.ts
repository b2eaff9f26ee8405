/** Records a refused meeting request (403, or 404 for what the caller may not know exists) as a denied event (docs/audit.md). */
import type { FastifyRequest } from 'fastify';
import type { AuditAction } from '../../../domain/audit/audit-actions.ts';
import { CodedError } from '../../../domain/errors.ts';
import { recordAuditNow } from '../../audit/record-audit.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import type { ServerContext } from '../../context/server-context.ts';

/** What the caller tried. */
export interface Attempt {
  action: AuditAction;
  entityType: string;
  entityId: string | null;
}

/** Runs `work`; a refusal is recorded as `denied` (after the write rolled back) and rethrown. */
export async function refusalsAudited<T>(ctx: ServerContext, w: WriteContext, request: FastifyRequest, attempt: Attempt, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof CodedError && (e.code === 'authorization_error' || e.code === 'not_found')) {
      await recordAuditNow(ctx.db, {
        actor: w.actor, action: attempt.action, entityType: attempt.entityType, entityId: attempt.entityId, outcome: 'denied', at: w.now,
        details: { code: e.code, route: `${request.method} ${request.routeOptions.url ?? ''}` },
      });
    }
    throw e;
  }
}
