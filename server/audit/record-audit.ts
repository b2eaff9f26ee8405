/**
 * Writes audit events. The only write path to `audit_events` is INSERT through this module;
 * nothing in the code updates or deletes an event.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { AUDIT_ACTIONS, type AuditAction, type AuditOutcome } from '../../domain/audit/audit-actions.ts';
import { newId } from '../../domain/ids.ts';
import { auditEventHash } from './audit-hash.ts';
import { appendAuditLeaf } from './audit-frontier.ts';
import { joinAuditFlush } from './audit-group-commit.ts';
import { recordAuditScopes, type AuditSubject } from './audit-scopes.ts';
import { sealEvent, storeAuditValues } from './audit-values.ts';

/** Who did it, from where. */
export interface AuditActor {
  userId: string | null;
  agencyId: string | null;
  teamId?: string | null;
  deviceId?: string | null;
  ip: string | null;
}

/** One event to record. `details` holds terms, field changes or export facts; content among them is sealed (audit-values.ts). */
export interface AuditInput {
  actor: AuditActor;
  action: AuditAction;
  entityType?: string | null;
  entityId?: string | null;
  outcome: AuditOutcome;
  justification?: string | null;
  details?: Record<string, unknown>;
  at: Date;
  /** What the event is about when its entity does not say (a list read, a deleted record); indexes only, never hashed. */
  subject?: AuditSubject;
}

/**
 * Appends an event inside the caller's transaction, so the event commits with the change it
 * describes. Locking the audit head row orders concurrent writers into one chain, and the head
 * carries the Merkle log's frontier forward in the same update. Resolves to the event's seq.
 */
export async function recordAudit(trx: Transaction<ServerDatabase>, input: AuditInput): Promise<number> {
  const head = await trx.updateTable('audit_head').set((eb) => ({ seq: eb('seq', '+', 1) })).where('id', '=', 1)
    .returning(['seq', 'hash', 'tree_frontier']).executeTakeFirstOrThrow();
  // An update's old → new values, a search's terms and a written justification stay out of the hashed
  // event, so an erasure can remove them (audit-values.ts).
  const sealed = sealEvent(input.action, input.details ?? {}, input.justification ?? null);
  const fields = {
    seq: Number(head.seq),
    id: newId(),
    at: input.at.toISOString(),
    user_id: input.actor.userId,
    agency_id: input.actor.agencyId,
    team_id: input.actor.teamId ?? null,
    device_id: input.actor.deviceId ?? null,
    ip: input.actor.ip,
    action: input.action,
    category: AUDIT_ACTIONS[input.action],
    entity_type: input.entityType ?? null,
    entity_id: input.entityId ?? null,
    outcome: input.outcome,
    justification: sealed.justification,
    details: JSON.stringify(sealed.details),
    prev_hash: head.hash,
  };
  const hash = auditEventHash(fields);
  await trx.insertInto('audit_events').values({ ...fields, hash }).execute();
  const treeFrontier = appendAuditLeaf(head.tree_frontier, fields);
  await trx.updateTable('audit_head').set({ hash, tree_frontier: treeFrontier }).where('id', '=', 1).execute();
  if (sealed.values) {
    await storeAuditValues(trx, fields.seq, { type: fields.entity_type, id: fields.entity_id }, sealed.values);
  }
  await recordAuditScopes(trx, fields.seq, {
    actorAgencyId: fields.agency_id, entityType: fields.entity_type, entityId: fields.entity_id, details: input.details ?? {}, subject: input.subject,
  });
  return fields.seq;
}

/**
 * Records an event with no accompanying change (a read, a failed sign-in) and resolves to its seq
 * once it is durable: it joins the next audit flush (audit-group-commit.ts), which appends the events
 * of concurrent requests in one transaction, in arrival order.
 */
export function recordAuditNow(db: Kysely<ServerDatabase>, input: AuditInput): Promise<number> {
  return joinAuditFlush(db, (trx) => recordAudit(trx, input));
}
