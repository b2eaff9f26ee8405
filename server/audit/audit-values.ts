/**
 * Keeps content out of the hashed audit event (docs/audit.md, "What the audit trail holds after an
 * erasure"): an update's old → new values, a search's terms and a justification people write. The
 * event commits to each with SHA-256 of a random salt and the value; the values and salt sit in
 * `audit_event_values`, which an erasure deletes where they belong to, or name, what it erased. The
 * leaf text, hash chain, Merkle proofs and exports never change; once the row is gone the commitment
 * cannot be linked to the values (the salt went with them).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { AuditAction } from '../../domain/audit/audit-actions.ts';

/** The prefix of a commitment in a hashed event's `details.changes`, `details.terms` or `justification`. */
export const VALUE_COMMITMENT_PREFIX = 'sha256:';

/** The names the terms and the justification are committed under (never a field name: those have no `#`). */
const TERMS_FIELD = '#terms';
const JUSTIFICATION_FIELD = '#justification';

/**
 * The actions whose justification is written by a person about a case, person or request, so may
 * quote content, and an export's reason (`export.*`: a data officer may name whom the export is for;
 * an erasure also blanks it in `audit_exports` and removes the server's copy of the export's files,
 * server/retention/erase-export-reasons.ts). Not sealed: an erasure's own reason (written when the
 * content is already gone, it is the erasure's account).
 */
const SEALED_JUSTIFICATIONS: ReadonlySet<AuditAction> = new Set<AuditAction>([
  'access.request', 'access.decision', 'record.break_glass_view', 'retention.decision', 'retention.hold',
  'record.attach_person', 'record.merge', 'sar.part_withhold', 'sar.extend',
  'export.create', 'export.seal', 'export.finish',
]);

type Changes = Record<string, unknown>;

/** The values kept beside one event. */
export interface KeptValues {
  salt: string;
  /** JSON `{ field: [old, new] }` (`{}` when the event recorded none). */
  changes: string;
  /** JSON of the search's terms, or null. */
  terms: string | null;
  justification: string | null;
}

/** What a sealed event holds, and the values kept beside it (null when there is nothing to keep apart). */
export interface SealedEvent {
  details: Record<string, unknown>;
  justification: string | null;
  values: { salt: string; changes: Changes; terms: unknown; justification: string | null } | null;
}

/** The commitment to one field's values: hex SHA-256 of the salt, a newline, and `[field, values]` as JSON. */
export function valueCommitment(salt: string, field: string, values: unknown): string {
  return VALUE_COMMITMENT_PREFIX + createHash('sha256').update(`${salt}\n${JSON.stringify([field, values])}`).digest('hex');
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Seals what may be content: the `changes` of a `record.update`, the `terms` of a `record.search`, and
 * the justification of the actions above. Anything else is hashed as given.
 */
export function sealEvent(action: AuditAction, details: Record<string, unknown>, justification: string | null): SealedEvent {
  const changes = action === 'record.update' && isRecord(details.changes) ? details.changes : null;
  const terms = action === 'record.search' && details.terms !== undefined && details.terms !== null ? details.terms : undefined;
  const written = justification !== null && SEALED_JUSTIFICATIONS.has(action) ? justification : null;
  if (changes === null && terms === undefined && written === null) {
    return { details, justification, values: null };
  }
  const salt = randomBytes(32).toString('hex');
  const hashed = { ...details };
  if (changes !== null) {
    hashed.changes = Object.fromEntries(Object.entries(changes).map(([field, values]) => [field, valueCommitment(salt, field, values)]));
  }
  if (terms !== undefined) {
    hashed.terms = valueCommitment(salt, TERMS_FIELD, terms);
  }
  return {
    details: hashed,
    justification: written === null ? justification : valueCommitment(salt, JUSTIFICATION_FIELD, written),
    values: { salt, changes: changes ?? {}, terms, justification: written },
  };
}

/** Stores the values of an event in the same transaction as the event. */
export async function storeAuditValues(
  trx: Transaction<ServerDatabase>, seq: number, entity: { type: string | null; id: string | null }, values: NonNullable<SealedEvent['values']>,
): Promise<void> {
  await trx.insertInto('audit_event_values').values({
    seq, entity_type: entity.type, entity_id: entity.id, salt: values.salt, changes: JSON.stringify(values.changes),
    terms: values.terms === undefined ? null : JSON.stringify(values.terms), justification: values.justification,
  }).execute();
}

/**
 * The details as recorded, with each committed field's values and the search's terms put back where
 * the kept values still match their commitment; what was erased stays a commitment.
 */
export function restoreDetails(details: unknown, kept: KeptValues | undefined): unknown {
  if (!kept || !isRecord(details)) {
    return details;
  }
  const restored = { ...details };
  const changes = details.changes;
  if (isRecord(changes)) {
    const values = JSON.parse(kept.changes) as Changes;
    restored.changes = Object.fromEntries(Object.entries(changes).map(([field, commitment]) =>
      [field, field in values && commitment === valueCommitment(kept.salt, field, values[field]) ? values[field] : commitment]));
  }
  if (typeof details.terms === 'string' && kept.terms !== null) {
    const terms = JSON.parse(kept.terms) as unknown;
    if (details.terms === valueCommitment(kept.salt, TERMS_FIELD, terms)) {
      restored.terms = terms;
    }
  }
  return restored;
}

/** The justification as written where the kept one still matches the event's commitment; else as recorded. */
export function restoreJustification(justification: string | null, kept: KeptValues | undefined): string | null {
  if (!kept || kept.justification === null || justification === null) {
    return justification;
  }
  return justification === valueCommitment(kept.salt, JUSTIFICATION_FIELD, kept.justification) ? kept.justification : justification;
}

/** The kept values of these events, by seq. */
export async function loadAuditValues(db: Kysely<ServerDatabase>, seqs: readonly number[]): Promise<Map<number, KeptValues>> {
  if (seqs.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('audit_event_values').select(['seq', 'salt', 'changes', 'terms', 'justification']).where('seq', 'in', [...seqs]).execute();
  return new Map(rows.map((r) => [Number(r.seq), { salt: r.salt, changes: r.changes, terms: r.terms, justification: r.justification }]));
}
