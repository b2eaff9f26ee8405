/** Reads reports through the one report visibility filter, with their named shares and the caller's abilities. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { ReportTable, ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { ReportRecordSchema, ReportVersionRecordSchema, type ReportRecord, type ReportVersionRecord } from '../../domain/entities/report.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { reportVisibleSql } from '../access/report-visibility.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** Maps visible report rows to records (loads their shares in one query). Only the author may edit. */
export async function toReportRecords(db: Db, rows: Selectable<ReportTable>[], user: PolicyUser): Promise<ReportRecord[]> {
  const shares = rows.length === 0 ? [] : await db.selectFrom('report_shares').selectAll().where('report_id', 'in', rows.map((r) => r.id))
    .orderBy('grantee_id').execute();
  const of = (id: string, kind: string) => shares.filter((s) => s.report_id === id && s.grantee_kind === kind).map((s) => s.grantee_id);
  return rows.map((r) => ReportRecordSchema.parse({
    id: r.id, caseId: r.case_id, kind: r.kind, title: r.title, body: r.body,
    authorUserId: r.author_user_id, authorAgencyId: r.author_agency_id, authorTeamId: r.author_team_id, sharingLevel: r.sharing_level,
    sharedAgencyIds: of(r.id, 'agency'), sharedTeamIds: of(r.id, 'team'), sharedUserIds: of(r.id, 'user'),
    createdAt: r.created_at, updatedAt: r.updated_at, version: r.version,
    abilities: { read: true, update: r.author_user_id === user.id },
  }));
}

/** Loads a report the user may see; 404 otherwise (existence is not revealed). */
export async function loadVisibleReport(db: Db, id: string, user: PolicyUser, at: string): Promise<Selectable<ReportTable>> {
  const row = await db.selectFrom('reports').selectAll().where('reports.id', '=', id).where(reportVisibleSql(user, at, 'reports')).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'No such report.');
  }
  return row;
}

/** The visible reports of a case, oldest first. */
export async function listCaseReports(db: Db, caseId: string, user: PolicyUser, at: string): Promise<ReportRecord[]> {
  const rows = await db.selectFrom('reports').selectAll().where('reports.case_id', '=', caseId).where(reportVisibleSql(user, at, 'reports'))
    .orderBy('reports.created_at').orderBy('reports.id').execute();
  return toReportRecords(db, rows, user);
}

/** Every version of a visible report: the kept ones, then the current text. */
export async function listReportVersions(db: Db, report: Selectable<ReportTable>): Promise<ReportVersionRecord[]> {
  const kept = await db.selectFrom('report_versions').selectAll().where('report_id', '=', report.id).orderBy('version').execute();
  return [
    ...kept.map((v) => ReportVersionRecordSchema.parse({ version: v.version, title: v.title, body: v.body, editedBy: v.edited_by, editedAt: v.edited_at })),
    ReportVersionRecordSchema.parse({ version: report.version, title: report.title, body: report.body, editedBy: report.author_user_id, editedAt: report.updated_at }),
  ];
}
