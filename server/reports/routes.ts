/** Registers the report routes: create, list per case, view (audited), edit, versions. */
import type { FastifyInstance } from 'fastify';
import { reportRoutes } from '../../domain/http/report-routes.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { recordListRead } from '../audit/record-list-read.ts';
import { loadCaseFor } from '../cases/case-policy-loader.ts';
import { isoOf, writeContextOf } from '../changes/write-context.ts';
import { withWrite } from '../db/write.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { listCaseReports, listReportVersions, loadVisibleReport, toReportRecords } from './report-queries.ts';
import { createReport, updateReport } from './report-service.ts';
import { shareReport } from './report-sharing-service.ts';

/** Registers the report routes. */
export function registerReportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, reportRoutes.createReport, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => {
      const [record] = await toReportRecords(trx, [await createReport(trx, w, params.id, body)], user);
      return record!;
    });
  });

  registerRoute(app, ctx, reportRoutes.listCaseReports, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    await loadCaseFor(ctx.db, params.id, user, isoOf(w), 'read');
    const reports = await listCaseReports(ctx.db, params.id, user, isoOf(w));
    await recordListRead(ctx.db, { actor: w.actor, list: 'reports', entityType: 'case', entityId: params.id, ids: reports.map((r) => r.id), at: w.now });
    return { reports };
  });

  registerRoute(app, ctx, reportRoutes.getReport, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const [record] = await toReportRecords(ctx.db, [await loadVisibleReport(ctx.db, params.id, user, isoOf(w))], user);
    await recordAuditNow(ctx.db, { actor: w.actor, action: 'record.view', entityType: 'report', entityId: params.id, outcome: 'success', at: w.now });
    return record!;
  });

  registerRoute(app, ctx, reportRoutes.updateReport, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => {
      const [record] = await toReportRecords(trx, [await updateReport(trx, w, params.id, body)], user);
      return record!;
    });
  });

  registerRoute(app, ctx, reportRoutes.shareReport, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => {
      const [record] = await toReportRecords(trx, [await shareReport(trx, w, params.id, body)], user);
      return record!;
    });
  });

  registerRoute(app, ctx, reportRoutes.listReportVersions, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const versions = await listReportVersions(ctx.db, await loadVisibleReport(ctx.db, params.id, user, isoOf(w)));
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.view', entityType: 'report', entityId: params.id, outcome: 'success', at: w.now, details: { versions: true },
    });
    return { versions };
  });
}
