/**
 * Grant expiry sweep: a grant that lapses changes who may see a record without any write, so the
 * sweep writes the `access` change that makes the next pull send the requester a removal, and
 * pokes connected desktops. Runs on a timer on every API node; the `expiry_recorded_at` guard in
 * the UPDATE makes concurrent sweeps record each expiry once.
 */
import { recordAudit } from '../audit/record-audit.ts';
import { capturePrior } from '../changes/capture-prior.ts';
import { recordChange } from '../changes/record-change.ts';
import { withWrite } from '../db/write.ts';
import type { ServerContext } from '../context/server-context.ts';

/** Records every grant that expired and was not yet recorded; returns how many. */
export async function sweepExpiredGrants(ctx: ServerContext, batch = 200): Promise<number> {
  const at = ctx.now().toISOString();
  return withWrite(ctx, async (trx) => {
    const due = await trx.selectFrom('access_grants').select(['id', 'request_id', 'resource_type', 'resource_id', 'user_id'])
      .where('expiry_recorded_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '<=', at)
      .orderBy('expires_at').limit(batch).execute();
    let recorded = 0;
    for (const grant of due) {
      const isCase = grant.resource_type === 'case';
      // Read while the lapsed grant still counts as held: its holder has the record and must get the removal.
      const prior = await capturePrior(trx, isCase ? 'case' : 'person', grant.resource_id, at);
      const claimed = await trx.updateTable('access_grants').set({ expiry_recorded_at: at })
        .where('id', '=', grant.id).where('expiry_recorded_at', 'is', null).executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) {
        continue;
      }
      recorded += 1;
      await recordChange(trx, { entity: isCase ? 'case' : 'person', entityId: grant.resource_id, op: 'access', caseId: isCase ? grant.resource_id : null, at, prior });
      await trx.updateTable('access_requests').set((eb) => ({ status: 'expired', version: eb('version', '+', 1) }))
        .where('id', '=', grant.request_id).where('status', '=', 'approved').execute();
      await recordChange(trx, { entity: 'access_request', entityId: grant.request_id, op: 'upsert', caseId: null, at });
      await recordAudit(trx, {
        actor: { userId: null, agencyId: null, ip: null }, action: 'access.decision', entityType: 'access_request', entityId: grant.request_id,
        outcome: 'success', at: new Date(at), details: { decision: 'expired', grantId: grant.id, resourceType: grant.resource_type, resourceId: grant.resource_id, requesterUserId: grant.user_id },
      });
    }
    return recorded;
  });
}

/** Runs the sweep every `intervalMs` until stopped; errors are reported, never thrown. */
export function startGrantExpirySweep(ctx: ServerContext, intervalMs = 60_000): { stop(): void } {
  const timer = setInterval(() => {
    sweepExpiredGrants(ctx).catch((error: unknown) => {
      process.emitWarning(`Grant expiry sweep failed: ${(error as Error).name}`);
    });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
