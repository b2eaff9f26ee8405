/** Appends to the change log inside the writing transaction (docs/sync.md). */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { capturePrior } from './capture-prior.ts';
import { nextSeq } from './next-seq.ts';
import type { ChangeEntity, ChangeOp } from './change-entity.ts';
import type { PriorSnapshot } from './prior-snapshot.ts';

export type { ChangeEntity, ChangeOp } from './change-entity.ts';

/** One change to append. */
export interface ChangeInput {
  entity: ChangeEntity;
  entityId: string;
  op: ChangeOp;
  /** The case the record belongs to, when it belongs to one (lets pull filter by case visibility). */
  caseId?: string | null;
  at: string;
  /**
   * For `access` and `delete`: who could see the affected records before the write, from
   * `capturePrior`. A caller that writes before recording must capture it first and pass it;
   * without it the change log reads it now (right only when nothing was written yet).
   */
  prior?: PriorSnapshot | null;
}

/** Appends one change with the next global sequence number; returns that number. */
export async function recordChange(trx: Transaction<ServerDatabase>, change: ChangeInput): Promise<number> {
  const removable = change.op === 'access' || change.op === 'delete';
  const prior = !removable ? null : change.prior !== undefined ? change.prior : await capturePrior(trx, change.entity, change.entityId, change.at);
  const seq = await nextSeq(trx);
  await trx.insertInto('change_log').values({
    seq, entity: change.entity, entity_id: change.entityId, op: change.op, case_id: change.caseId ?? null, at: change.at,
    // Named only when there is one: plain upserts write the columns every schema version has.
    ...(prior === null ? {} : { prior: JSON.stringify(prior) }),
  }).execute();
  return seq;
}
