/** Extending a request once by one or two months with a reason, and closing it (docs/audit.md); compare-and-set on its version, audited. */
import type { SarRequestTable } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { sarExtendedDueOn } from '../../domain/sar/sar-due-date.ts';
import { dueOnOf } from './sar-records.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { WriteContext } from '../changes/write-context.ts';
import type { ServerContext } from '../context/server-context.ts';
import { withWrite } from '../db/write.ts';

/** What an extension takes. */
export interface SarExtension {
  months: 1 | 2;
  reason: string;
  expectedVersion: number;
}

/** Extends `sar`; a second extension, a closed request or a stale version is a `conflict`. */
export async function extendSar(ctx: ServerContext, w: WriteContext, sar: SarRequestTable, body: SarExtension): Promise<void> {
  if (sar.extension_months !== null) {
    throw new CodedError('conflict', 'This request has already been extended; it can be extended only once.');
  }
  if (sar.status !== 'open') {
    throw new CodedError('conflict', 'This request is closed.');
  }
  const extendedDueOn = sarExtendedDueOn(sar.received_on, body.months);
  await withWrite(ctx, async (trx) => {
    const result = await trx.updateTable('sar_requests')
      .set({ extension_months: body.months, extended_due_on: extendedDueOn, extension_reason: body.reason, version: Number(sar.version) + 1 })
      .where('id', '=', sar.id).where('version', '=', body.expectedVersion).where('extension_months', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new CodedError('conflict', 'The request changed meanwhile; reload it and try again.');
    }
    await recordAudit(trx, {
      actor: w.actor, action: 'sar.extend', entityType: 'sar_request', entityId: sar.id, outcome: 'success', at: w.now, justification: body.reason,
      details: { months: body.months, changes: { dueOn: [dueOnOf(sar), dueOnOf({ received_on: sar.received_on, extension_months: body.months })] } }, subject: { personId: sar.person_id },
    });
  });
}

/** Closes `sar`; a closed request or a stale version is a `conflict`. */
export async function closeSar(ctx: ServerContext, w: WriteContext, sar: SarRequestTable, expectedVersion: number): Promise<void> {
  if (sar.status !== 'open') {
    throw new CodedError('conflict', 'This request is already closed.');
  }
  await withWrite(ctx, async (trx) => {
    const result = await trx.updateTable('sar_requests').set({ status: 'closed', closed_at: w.now.toISOString(), version: Number(sar.version) + 1 })
      .where('id', '=', sar.id).where('version', '=', expectedVersion).where('status', '=', 'open').executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) {
      throw new CodedError('conflict', 'The request changed meanwhile; reload it and try again.');
    }
    await recordAudit(trx, {
      actor: w.actor, action: 'sar.close', entityType: 'sar_request', entityId: sar.id, outcome: 'success', at: w.now,
      details: { changes: { status: ['open', 'closed'] } }, subject: { personId: sar.person_id },
    });
  });
}
