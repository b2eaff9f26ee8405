/**
 * The audit outbox: reads the core answered from the offline copy, kept in the encrypted cache
 * until the server's audit trail acknowledges them (docs/audit.md). Never part of the mirror, so a
 * bootstrap swap or a reset keeps it; a wipe of the whole cache (device revoked) takes it along.
 */
import type { Kysely, Selectable } from 'kysely';
import type { CacheAuditOutboxTable } from '../../db/cache/audit-outbox-schema.ts';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { ClientAuditEventSchema, type ClientAuditEvent } from '../../domain/audit/client-audit-events.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';

type WithoutIdentity<E> = E extends unknown ? Omit<E, 'clientEventId' | 'at'> : never;
/** A read as the core describes it; the outbox gives it its id and time. */
export type LocalRead = WithoutIdentity<ClientAuditEvent>;

/** Queue, hand out and forget reported reads; async like the rest of the cache, so it can sit behind the worker. */
export interface AuditOutbox {
  /** Stores one read by `userId`, now; throws when it cannot be stored (the caller then must not show the read). */
  record(userId: string, read: LocalRead): Promise<void>;
  /** The oldest reads of `userId` not yet acknowledged, in the order they happened, at most `max`. */
  pending(userId: string, max: number): Promise<ClientAuditEvent[]>;
  /** Forgets reads the server acknowledged; returns how many were deleted. */
  acknowledge(clientEventIds: readonly string[]): Promise<number>;
  /** How many reads wait to be reported. */
  count(): Promise<number>;
}

/** The outbox over the cache's write handle. */
export function createAuditOutbox(db: Kysely<CacheDatabase>, now: () => Date): AuditOutbox {
  return {
    async record(userId, read) {
      // Checked before it is stored: the server refuses a whole batch over one bad event, so a bad row would hold up the rest.
      const event = ClientAuditEventSchema.parse({ ...read, clientEventId: newId(), at: now().toISOString() });
      await db.insertInto('audit_outbox').values({
        client_event_id: event.clientEventId, user_id: userId, at: event.at, action: event.action, entity_type: event.entityType,
        entity_id: event.entityId, details: JSON.stringify(event.details),
      }).execute();
    },
    async pending(userId, max) {
      const rows = await db.selectFrom('audit_outbox').selectAll().where('user_id', '=', userId).orderBy('seq').limit(max).execute();
      return rows.map(toEvent);
    },
    async acknowledge(clientEventIds) {
      if (clientEventIds.length === 0) {
        return 0;
      }
      const result = await db.deleteFrom('audit_outbox').where('client_event_id', 'in', clientEventIds).executeTakeFirst();
      return Number(result.numDeletedRows);
    },
    async count() {
      const row = await db.selectFrom('audit_outbox').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
  };
}

function toEvent(row: Selectable<CacheAuditOutboxTable>): ClientAuditEvent {
  const parsed = ClientAuditEventSchema.safeParse({
    clientEventId: row.client_event_id, at: row.at, action: row.action, entityType: row.entity_type, entityId: row.entity_id,
    details: safeJson(row.details),
  });
  if (!parsed.success) {
    // Never dropped: an audit record that cannot be read stays for a version of the app that can.
    throw new CodedError('internal_error', 'A recorded read in the local audit queue is unreadable, so it cannot be reported yet.');
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}
