/**
 * Refusals of SAR routes (docs/audit.md): anyone but a data officer is refused outright; a request
 * or consultation of another agency answers exactly as one that does not exist. Each refusal is recorded.
 */
import type { AuditAction } from '../../domain/audit/audit-actions.ts';
import { CodedError } from '../../domain/errors.ts';
import { handlesSars } from '../../domain/policy/sar-policy.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import type { WriteContext } from '../changes/write-context.ts';
import type { ServerContext } from '../context/server-context.ts';

/** What a refusal names. */
export interface RefusalTarget {
  action: AuditAction;
  entityType: 'sar_request' | 'sar_consultation';
  entityId: string | null;
}

/** Records the refusal and throws the coded error. */
export async function refuse(ctx: Pick<ServerContext, 'db'>, w: WriteContext, target: RefusalTarget, code: 'authorization_error' | 'not_found', message: string): Promise<never> {
  await recordAuditNow(ctx.db, { actor: w.actor, ...target, outcome: 'denied', at: w.now });
  throw new CodedError(code, message);
}

/** Refuses anyone but a data officer (authorization_error, recorded). */
export async function requireDataOfficer(ctx: Pick<ServerContext, 'db'>, w: WriteContext, target: RefusalTarget): Promise<void> {
  if (!handlesSars(w.user)) {
    await refuse(ctx, w, target, 'authorization_error', 'Only a data officer works subject access requests.');
  }
}

/** The same answer for another agency's request and for none at all. */
export const NO_SUCH_SAR = 'No such subject access request for your agency.';
/** The same answer for another agency's consultation and for none at all. */
export const NO_SUCH_CONSULTATION = 'No such consultation for your agency.';
