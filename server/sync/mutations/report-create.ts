/** `report.create` through the report service (append-only, so no conflict is possible). */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { createReport } from '../../reports/report-service.ts';
import { assertIdFree } from './mutation-conflict.ts';

/** Creates the report with the client's id; `shared` is not offered offline, so there are no named shares. */
export async function applyReportCreate(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'report.create'>): Promise<void> {
  await assertIdFree(trx, 'reports', args.reportId);
  await createReport(trx, env, args.caseId, {
    kind: args.kind, title: args.title, body: args.body, sharingLevel: args.sharingLevel, agencyIds: [], teamIds: [], userIds: [],
  }, args.reportId);
}
