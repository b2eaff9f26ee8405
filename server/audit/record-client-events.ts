/**
 * Records reads a desktop answered from its offline copy (POST /audit/client-events) in the audit
 * hash chain, as the caller's, from the caller's device, each event once however often it is sent.
 */
import type { FastifyRequest } from 'fastify';
import type { ClientAuditAck, ClientAuditBatch, ClientAuditEvent } from '../../domain/audit/client-audit-events.ts';
import { CodedError } from '../../domain/errors.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { requestDevice } from '../http/request-device.ts';
import type { ServerContext } from '../server-context.ts';
import { actorOf } from './audit-actor.ts';
import { recordAudit } from './record-audit.ts';

/**
 * All or nothing, in one transaction: the batch was validated whole before this runs, and a
 * failure rolls back every event and receipt. The user, agency and team come from the token, the
 * device from the token's binding (or the verified header); nothing in the body names an actor.
 * Visibility is not re-checked: the user saw their cached copy when they saw it.
 */
export async function recordClientEvents(ctx: ServerContext, user: AuthUser, request: FastifyRequest, batch: ClientAuditBatch): Promise<ClientAuditAck> {
  const deviceId = requestDevice(request);
  if (deviceId === null) {
    // Offline reads happen only on a registered desktop; an event that names no machine would not say where the data went.
    throw new CodedError('authorization_error', 'Only a registered device can report reads from its offline copy.');
  }
  const received = ctx.now();
  // The IP of this upload is not where the reads happened (they were offline): it goes in the details, not the IP column.
  const actor = { ...actorOf(user, request, deviceId), ip: null };
  const recorded = await ctx.db.transaction().execute(async (trx) => {
    // Receipts first, in id order, so two overlapping reports lock them in the same order (no deadlock on PostgreSQL).
    const receipts = batch.events.map((e) => e.clientEventId).sort()
      .map((clientEventId) => ({ user_id: user.id, client_event_id: clientEventId, device_id: deviceId, received_at: received.toISOString() }));
    const fresh = await trx.insertInto('client_audit_events').values(receipts)
      .onConflict((oc) => oc.columns(['user_id', 'client_event_id']).doNothing())
      .returning('client_event_id').execute();
    const isFresh = new Set(fresh.map((r) => r.client_event_id));
    let count = 0;
    for (const event of batch.events) {
      if (isFresh.has(event.clientEventId)) {
        const { at, details } = timing(event, received, request.ip);
        await recordAudit(trx, {
          actor, action: event.action, entityType: event.entityType, entityId: event.entityId, outcome: 'success', at, details,
        });
        count += 1;
      }
    }
    return count;
  });
  return { acknowledged: batch.events.map((e) => e.clientEventId), recorded };
}

/**
 * The event's time is when the user did it, by the device's clock, so a data officer's date search
 * finds an offline view on the day it happened, not the day it was uploaded. The chain's order is
 * still the server's insertion order (seq), which is all `audit verify` relies on; `at` is not
 * monotonic along it, and `receivedAt` in the details says when the server learnt of the event.
 * A time after receipt cannot be true (a fast clock): it is recorded as the receipt time, and the
 * device's claim is kept as `claimedAt`.
 */
function timing(event: ClientAuditEvent, received: Date, uploadIp: string): { at: Date; details: Record<string, unknown> } {
  const claimed = new Date(event.at);
  const future = claimed.getTime() > received.getTime();
  return {
    at: future ? received : claimed,
    details: {
      ...event.details,
      source: 'offline_copy', clientEventId: event.clientEventId, receivedAt: received.toISOString(), receivedFrom: uploadIp,
      ...(future ? { claimedAt: event.at } : {}),
    },
  };
}
