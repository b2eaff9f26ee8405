/** Registers the audit export routes declared in domain/http/audit-export-routes.ts (data officers, their own exports only). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { IdParams } from '../../domain/http/route.ts';
import { routes } from '../../domain/http/routes.ts';
import { parseOrThrow } from '../../domain/validation-error.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import type { ServerContext } from '../context/server-context.ts';
import { authenticateBeforeBody, authenticatedUser } from '../http/authenticate-first.ts';
import { registerRoute } from '../http/register-route.ts';
import { findOwnExport, readManifest, toAuditExportJob } from './audit-export-record.ts';
import { createAuditExport } from './create-audit-export.ts';
import { exportPaths, removeExportFiles } from './export-files.ts';
import { createExportJobs } from './export-jobs.ts';
import { exportScopeRefusal } from './export-rows.ts';
import { sendExportFile } from './send-export-file.ts';

/** Registers the export routes; jobs still running when the server closes are stopped and their files removed. */
export function registerAuditExportRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const jobs = createExportJobs({ db: ctx.db, dataDir: ctx.config.dataDir, now: ctx.now, checkpoints: ctx.auditCheckpoints });
  app.addHook('onClose', () => jobs.stopAll());

  registerRoute(app, ctx, routes.createAuditExport, async ({ body, user, request }) => {
    const refusal = exportScopeRefusal(user);
    if (refusal !== null) {
      await recordAuditNow(ctx.db, {
        actor: actorOf(user, request), action: 'export.create', entityType: 'audit_export', entityId: null, outcome: 'denied',
        justification: body.reason, details: { format: body.format, filters: body.filters }, at: ctx.now(),
      });
      throw new CodedError('authorization_error', refusal);
    }
    return createAuditExport(ctx, jobs, user, actorOf(user, request), body);
  });

  registerRoute(app, ctx, routes.getAuditExport, async ({ params, user, request }) => {
    await refuseUnlessDataOfficer(ctx, user, request);
    return toAuditExportJob(ctx.config.dataDir, await findOwnExport(ctx.db, user, params.id));
  });

  registerRoute(app, ctx, routes.getAuditExportManifest, async ({ params, user, request }) => {
    await refuseUnlessDataOfficer(ctx, user, request);
    const row = await findOwnExport(ctx.db, user, params.id);
    if (row.status !== 'complete') {
      throw new CodedError('conflict', 'This export has no manifest: it is not complete.');
    }
    return readManifest(ctx.config.dataDir, row);
  });

  for (const [download, part] of [[routes.downloadAuditExport, 'file'], [routes.downloadAuditExportProofs, 'proofs']] as const) {
    app.route({
      method: download.method,
      url: download.path,
      preParsing: authenticateBeforeBody(ctx),
      handler: async (request, reply) => {
        const user = authenticatedUser(request);
        const params = parseOrThrow(IdParams, request.params, 'path');
        parseOrThrow(download.query, request.query ?? {}, 'query');
        await refuseUnlessDataOfficer(ctx, user, request);
        return sendExportFile(ctx, user, actorOf(user, request), params.id, reply, part);
      },
    });
  }

  registerRoute(app, ctx, routes.deleteAuditExport, async ({ params, user, request }) => {
    await refuseUnlessDataOfficer(ctx, user, request);
    const row = await findOwnExport(ctx.db, user, params.id);
    const finishedAt = ctx.now().toISOString();
    // A running job sees its row change at its next page (on whichever node runs it) and stops.
    await ctx.db.updateTable('audit_exports').set({ status: 'cancelled', finished_at: finishedAt })
      .where('id', '=', row.id).where('status', '=', 'running').execute();
    await ctx.db.updateTable('audit_exports').set({ status: 'removed' }).where('id', '=', row.id).where('status', '=', 'complete').execute();
    await jobs.stop(row.id);
    await removeExportFiles(exportPaths(ctx.config.dataDir, row.id, row.format));
    return toAuditExportJob(ctx.config.dataDir, await findOwnExport(ctx.db, user, row.id));
  });
}

/** Only data officers use exports; anyone else's attempt is recorded as a denied export read, naming the route. */
async function refuseUnlessDataOfficer(ctx: ServerContext, user: AuthUser, request: FastifyRequest): Promise<void> {
  if (user.role !== 'data_officer') {
    await recordAuditNow(ctx.db, {
      actor: actorOf(user, request), action: 'export.download', entityType: 'audit_export', entityId: null, outcome: 'denied',
      details: { route: `${request.method} ${request.routeOptions.url ?? ''}` }, at: ctx.now(),
    });
    throw new CodedError('authorization_error', 'Only a data officer may use audit exports.');
  }
}
