/** Turns an administration policy decision into the refusal the caller sees, audited when it is refused. */
import type { FastifyRequest } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import type { AdminDecision } from '../../domain/policy/user-admin-policy.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import type { ServerContext } from '../context/server-context.ts';

/** What was attempted, for the audit event of a refusal. */
export interface AdminAttempt {
  change: string;
  entityType: 'user' | 'team' | 'agency' | 'marac_area' | 'case_type' | 'setting';
  entityId: string | null;
  details?: Record<string, unknown>;
}

/** Throws the decision's refusal (nothing changed), after auditing it as denied; does nothing when allowed. */
export async function enforce(ctx: ServerContext, user: AuthUser, request: FastifyRequest, decision: AdminDecision, attempt: AdminAttempt): Promise<void> {
  if (decision.ok) {
    return;
  }
  await recordAuditNow(ctx.db, {
    actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip },
    action: 'admin.change', entityType: attempt.entityType, entityId: attempt.entityId, outcome: 'denied', at: ctx.now(),
    details: { change: attempt.change, reason: decision.code, ...attempt.details },
  });
  throw new CodedError(decision.code, decision.message);
}
