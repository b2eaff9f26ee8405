/** Reads an audited event's details and justification as the Audit screen shows them: values put back from where they are kept apart. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { loadAuditValues, restoreDetails, restoreJustification } from '../../server/audit/audit-values.ts';

/** The details of the event with this seq, its old → new values restored while they are kept. */
export async function auditDetails(db: Kysely<ServerDatabase>, event: { seq: number; details: string }): Promise<unknown> {
  const kept = await loadAuditValues(db, [Number(event.seq)]);
  return restoreDetails(JSON.parse(event.details) as unknown, kept.get(Number(event.seq)));
}

/** The justification of the event with this seq as written, while it is kept. */
export async function auditJustification(db: Kysely<ServerDatabase>, event: { seq: number; justification: string | null }): Promise<string | null> {
  const kept = await loadAuditValues(db, [Number(event.seq)]);
  return restoreJustification(event.justification, kept.get(Number(event.seq)));
}
