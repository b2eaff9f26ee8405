/** Revokes an access grant before it expires; sync then sends the requester a removal. */
import type { AccessRequestRecord } from '../../domain/entities/access-request.ts';
import { CodedError } from '../../domain/errors.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { withWrite } from '../db/write.ts';
import type { ServerContext } from '../context/server-context.ts';
import { findVisibleAccessRequest, findVisibleRequestByGrant, toAccessRequestRecord } from './access-request-record.ts';
import { captureGrantPrior, loadDecidable, recordAccessChange } from './decide-access-request.ts';

/** Revokes the grant; 404 if the caller cannot see its request, 403 if not a decider, 409 if already revoked. */
export async function revokeAccessGrant(
  ctx: ServerContext, user: PolicyUser, actor: AuditActor, grantId: string, note: string | null,
): Promise<AccessRequestRecord> {
  const now = ctx.now();
  const at = now.toISOString();
  return withWrite(ctx, async (trx) => {
    const row = await loadDecidable(trx, user, () => findVisibleRequestByGrant(trx, user, grantId));
    const prior = await captureGrantPrior(trx, row, at);
    const revoked = await trx.updateTable('access_grants').set({ revoked_at: at })
      .where('id', '=', grantId).where('revoked_at', 'is', null).executeTakeFirst();
    if (Number(revoked.numUpdatedRows) !== 1) {
      throw new CodedError('conflict', 'This grant has already been revoked.');
    }
    await trx.updateTable('access_requests').set((eb) => ({ status: 'revoked', version: eb('version', '+', 1) }))
      .where('id', '=', row.id).execute();
    await recordAccessChange(trx, row, at, prior);
    await recordAudit(trx, {
      actor, action: 'access.decision', entityType: 'access_request', entityId: row.id, outcome: 'success', at: now, justification: note,
      details: { decision: 'revoked', grantId, resourceType: row.resource_type, resourceId: row.resource_id, requesterUserId: row.requester_user_id },
    });
    const fresh = await findVisibleAccessRequest(trx, user, row.id);
    return toAccessRequestRecord(user, fresh!, at);
  });
}
