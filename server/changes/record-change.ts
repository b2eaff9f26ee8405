/** Appends to the change log inside the writing transaction (DESIGN.md §4). */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { nextSeq } from './next-seq.ts';

/** The entities whose changes travel through sync. */
export type ChangeEntity =
  | 'agency' | 'team' | 'user' | 'case' | 'person' | 'location' | 'case_subject' | 'case_link' | 'case_location'
  | 'report' | 'task' | 'task_update' | 'marker' | 'document' | 'access_request';

/**
 * `upsert`: the record was created or changed; `delete`: it is gone; `access`: who may see it
 * changed (a removal for those who lost it, an upsert for those who gained it).
 */
export type ChangeOp = 'upsert' | 'delete' | 'access';

/** One change to append. */
export interface ChangeInput {
  entity: ChangeEntity;
  entityId: string;
  op: ChangeOp;
  /** The case the record belongs to, when it belongs to one (lets pull filter by case visibility). */
  caseId?: string | null;
  at: string;
}

/** Appends one change with the next global sequence number; returns that number. */
export async function recordChange(trx: Transaction<ServerDatabase>, change: ChangeInput): Promise<number> {
  const seq = await nextSeq(trx);
  await trx.insertInto('change_log').values({
    seq, entity: change.entity, entity_id: change.entityId, op: change.op, case_id: change.caseId ?? null, at: change.at,
  }).execute();
  return seq;
}
