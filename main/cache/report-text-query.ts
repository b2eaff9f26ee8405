/** One cached report's whole current text, for the edit dialog (the case screen lists only summaries). */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { ReportTextSchema, type ReportText } from '../../domain/ipc/report-channels.ts';
import { isMarkerEditable } from './marker-editable.ts';

/** Reads the report `reportId`; `not_found` when the cache does not hold it. */
export async function queryReportText(db: Kysely<CacheDatabase>, reportId: string): Promise<ReportText> {
  const row = await db.selectFrom('reports').select(['id', 'case_id', 'kind', 'title', 'body', 'version', 'abilities'])
    .where('id', '=', reportId).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'This report is not in your offline copy.');
  }
  // Reports carry the same `update: true` ability JSON as markers.
  return ReportTextSchema.parse({
    id: row.id, caseId: row.case_id, kind: row.kind, title: row.title, body: row.body, version: row.version, editable: isMarkerEditable(row.abilities),
  });
}
