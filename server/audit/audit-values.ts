/**
 * Keeps the old → new values of an update out of the hashed audit event (docs/audit.md, "What the
 * audit trail holds after an erasure"): the event commits to each field's values with SHA-256 of a
 * random salt and the values; the values and salt sit in `audit_event_values`, which an erasure
 * deletes. The leaf text, hash chain, Merkle proofs and exports never change; once the row is gone
 * the commitment cannot be linked to the values (the salt went with them).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { AuditAction } from '../../domain/audit/audit-actions.ts';

/** The prefix of a commitment in a hashed event's `details.changes`. */
export const VALUE_COMMITMENT_PREFIX = 'sha256:';

type Changes = Record<string, unknown>;

/** What a sealed event holds, and the values kept beside it (null when there is nothing to keep apart). */
export interface SealedDetails {
  hashed: Record<string, unknown>;
  values: { salt: string; changes: Changes } | null;
}

/** The commitment to one field's values: hex SHA-256 of the salt, a newline, and `[field, values]` as JSON. */
export function valueCommitment(salt: string, field: string, values: unknown): string {
  return VALUE_COMMITMENT_PREFIX + createHash('sha256').update(`${salt}\n${JSON.stringify([field, values])}`).digest('hex');
}

/** Seals the `changes` of a `record.update` (the only events recording content values); anything else is hashed as given. */
export function sealDetails(action: AuditAction, details: Record<string, unknown>): SealedDetails {
  const changes = details.changes;
  if (action !== 'record.update' || changes === null || typeof changes !== 'object' || Array.isArray(changes)) {
    return { hashed: details, values: null };
  }
  const salt = randomBytes(32).toString('hex');
  const committed = Object.fromEntries(Object.entries(changes as Changes).map(([field, values]) => [field, valueCommitment(salt, field, values)]));
  return { hashed: { ...details, changes: committed }, values: { salt, changes: changes as Changes } };
}

/** Stores the values of an event in the same transaction as the event. */
export async function storeAuditValues(
  trx: Transaction<ServerDatabase>, seq: number, entity: { type: string | null; id: string | null }, values: NonNullable<SealedDetails['values']>,
): Promise<void> {
  await trx.insertInto('audit_event_values').values({
    seq, entity_type: entity.type, entity_id: entity.id, salt: values.salt, changes: JSON.stringify(values.changes),
  }).execute();
}

/**
 * The details as recorded, with each committed field's values put back where the kept values still
 * match their commitment; a field whose values were erased stays a commitment.
 */
export function restoreDetails(details: unknown, kept: { salt: string; changes: string } | undefined): unknown {
  if (!kept || details === null || typeof details !== 'object') {
    return details;
  }
  const d = details as Record<string, unknown>;
  const changes = d.changes as Changes | undefined;
  const values = JSON.parse(kept.changes) as Changes;
  if (!changes || typeof changes !== 'object') {
    return details;
  }
  const restored = Object.fromEntries(Object.entries(changes).map(([field, commitment]) =>
    [field, field in values && commitment === valueCommitment(kept.salt, field, values[field]) ? values[field] : commitment]));
  return { ...d, changes: restored };
}

/** The kept values of these events, by seq. */
export async function loadAuditValues(db: Kysely<ServerDatabase>, seqs: readonly number[]): Promise<Map<number, { salt: string; changes: string }>> {
  if (seqs.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('audit_event_values').select(['seq', 'salt', 'changes']).where('seq', 'in', [...seqs]).execute();
  return new Map(rows.map((r) => [Number(r.seq), { salt: r.salt, changes: r.changes }]));
}
