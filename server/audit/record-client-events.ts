/**
 * Records reads a desktop answered from its offline copy (POST /audit/client-events) in the audit
 * hash chain, as the caller's, from the caller's device, each event once however often it is sent.
 */
import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { ClientAuditAck, ClientAuditBatch, ClientAuditEvent } from '../../domain/audit/client-audit-events.ts';
import { CodedError } from '../../domain/errors.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { DEFAULT_OFFLINE_LEASE_HOURS } from '../auth/offline-lease.ts';
import { requestDevice } from '../http/request-device.ts';
import type { ServerContext } from '../context/server-context.ts';
import { actorOf } from './audit-actor.ts';
import { recordAudit } from './record-audit.ts';

/**
 * Most new events one device may add to the hash chain a minute. A desktop's reads come at human
 * speed; only a backlog after days offline comes near this, and a `rate_limited` answer makes the
 * desktop back off and send the rest later.
 */
export const CLIENT_EVENTS_PER_DEVICE_PER_MINUTE = 1000;
const MINUTE_MS = 60_000;

/**
 * All or nothing, in one transaction: the batch was validated whole before this runs, and a
 * failure (a bad field, an event dated too long before the device's last sync, too many events this
 * minute) rolls back every event and receipt. The user, agency and team come from the token, the
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
  const earliest = await earliestReadTime(ctx, deviceId, received);
  const recorded = await ctx.db.transaction().execute(async (trx) => {
    // Receipts first, in id order, so two overlapping reports lock them in the same order (no deadlock on PostgreSQL).
    const receipts = batch.events.map((e) => e.clientEventId).sort()
      .map((clientEventId) => ({ user_id: user.id, client_event_id: clientEventId, device_id: deviceId, received_at: received.toISOString() }));
    const fresh = await trx.insertInto('client_audit_events').values(receipts)
      .onConflict((oc) => oc.columns(['user_id', 'client_event_id']).doNothing())
      .returning('client_event_id').execute();
    const isFresh = new Set(fresh.map((r) => r.client_event_id));
    // Only new events are judged: a replay of one already in the trail is acknowledged whatever its age.
    batch.events.forEach((event, index) => {
      if (isFresh.has(event.clientEventId) && Date.parse(event.at) < earliest.at.getTime()) {
        throw new CodedError('validation_error',
          `Invalid body at events.${index}: event ${event.clientEventId} is dated ${event.at}, more than the ${DEFAULT_OFFLINE_LEASE_HOURS}-hour `
          + `offline lease before ${earliest.from} (${earliest.since.toISOString()}); nothing in this report was recorded.`);
      }
    });
    await refuseFlood(trx, deviceId, received, isFresh.size);
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
 * The earliest time a read reported now can truthfully have: one offline lease before the device's
 * last pull (else before now, for a device that never pulled). The desktop reports its reads before
 * each pull, so reads older than its last pull are normally already in; they still count here for
 * one lease, because a report refused or cut short (while the pull went ahead) is sent again later.
 * A device offline for longer than the lease can read nothing after the lease ran out, and what it
 * read within the lease is no more than a lease older than its last pull, however late it reconnects.
 */
async function earliestReadTime(ctx: ServerContext, deviceId: string, received: Date): Promise<{ at: Date; since: Date; from: string }> {
  const row = await ctx.db.selectFrom('devices').select('last_pulled_at').where('id', '=', deviceId).executeTakeFirst();
  const lastPull = row?.last_pulled_at ? new Date(row.last_pulled_at) : null;
  const since = lastPull !== null && lastPull.getTime() < received.getTime() ? lastPull : received;
  return {
    at: new Date(since.getTime() - DEFAULT_OFFLINE_LEASE_HOURS * 3_600_000),
    since,
    from: since === lastPull ? "this device's last sync" : 'now',
  };
}

/** Refuses a report that would take the device past its events a minute; its own new receipts are already counted. */
async function refuseFlood(trx: Transaction<ServerDatabase>, deviceId: string, received: Date, fresh: number): Promise<void> {
  if (fresh === 0) {
    return;
  }
  const since = new Date(received.getTime() - MINUTE_MS).toISOString();
  const row = await trx.selectFrom('client_audit_events').select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .where('device_id', '=', deviceId).where('received_at', '>', since).executeTakeFirstOrThrow();
  if (Number(row.n) > CLIENT_EVENTS_PER_DEVICE_PER_MINUTE) {
    throw new CodedError('rate_limited',
      `This device may report at most ${CLIENT_EVENTS_PER_DEVICE_PER_MINUTE} reads a minute; nothing in this report was recorded, send it again shortly.`);
  }
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
