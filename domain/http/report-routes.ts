/** Reports: agency-authored content inside a case, with kept versions. */
import { z } from 'zod';
import { CreateReportBodySchema, PatchReportBodySchema, ReportRecordSchema, ReportVersionRecordSchema } from '../entities/report.ts';
import { ReportSharingBodySchema } from '../entities/sharing.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

export const reportRoutes = {
  createReport: defineRoute({
    method: 'POST', path: '/cases/:id/reports', auth: true, tag: 'reports', summary: 'Adds a report to a case',
    params: IdParams, query: NoQuery, body: CreateReportBodySchema, response: ReportRecordSchema,
  }),
  listCaseReports: defineRoute({
    method: 'GET', path: '/cases/:id/reports', auth: true, tag: 'reports', summary: 'The reports of a case the caller may see',
    params: IdParams, query: NoQuery, body: NoBody, response: z.object({ reports: z.array(ReportRecordSchema) }),
  }),
  getReport: defineRoute({
    method: 'GET', path: '/reports/:id', auth: true, tag: 'reports', summary: 'One report (audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: ReportRecordSchema,
  }),
  updateReport: defineRoute({
    method: 'PATCH', path: '/reports/:id', auth: true, tag: 'reports', summary: 'Edits a report (author only; versions kept)',
    params: IdParams, query: NoQuery, body: PatchReportBodySchema, response: ReportRecordSchema,
  }),
  shareReport: defineRoute({
    method: 'PUT', path: '/reports/:id/sharing', auth: true, tag: 'reports',
    summary: "Replaces a report's restriction (author only; never wider than its case; expectedVersion compare-and-set)",
    params: IdParams, query: NoQuery, body: ReportSharingBodySchema, response: ReportRecordSchema,
  }),
  listReportVersions: defineRoute({
    method: 'GET', path: '/reports/:id/versions', auth: true, tag: 'reports', summary: 'Every version of a report, oldest first',
    params: IdParams, query: NoQuery, body: NoBody, response: z.object({ versions: z.array(ReportVersionRecordSchema) }),
  }),
} as const;
