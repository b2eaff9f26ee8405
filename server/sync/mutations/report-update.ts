/** `report.update` through the report service: the author's edit, compare-and-set on the version edited. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { CodedError } from '../../../domain/errors.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { updateReport } from '../../reports/report-service.ts';
import { MutationConflict } from './mutation-conflict.ts';

/**
 * Applies an edit of a report. The baseVersion is required: a report's text is never overwritten
 * unseen, so an edit made from an older version becomes a MutationConflict carrying the report's
 * current version and its current values of the fields the edit changes.
 */
export async function applyReportUpdate(
  trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'report.update'>, baseVersion: number | undefined,
): Promise<void> {
  if (baseVersion === undefined) {
    throw new CodedError('validation_error', 'Invalid mutation at baseVersion: an edit of a report needs the version it was made from.');
  }
  const { reportId, ...fields } = args;
  try {
    await updateReport(trx, env, reportId, { ...fields, expectedVersion: baseVersion });
  } catch (error) {
    if (error instanceof CodedError && error.code === 'conflict') {
      // Only reached after the service's visibility and author checks passed.
      const row = await trx.selectFrom('reports').select(['version', 'title', 'body']).where('id', '=', reportId).executeTakeFirstOrThrow();
      throw new MutationConflict(row.version, {
        ...(fields.title === undefined ? {} : { title: row.title }), ...(fields.body === undefined ? {} : { body: row.body }),
      });
    }
    throw error;
  }
}
