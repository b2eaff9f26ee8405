/** Registers the cases routes declared in domain/http/case-routes.ts. */
import type { FastifyInstance } from 'fastify';
import { caseRoutes } from '../../domain/http/case-routes.ts';
import { routes } from '../../domain/http/routes.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { withWrite } from '../db/write.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { breakGlassCase } from './break-glass-case.ts';
import { caseDetailOf } from './case-detail.ts';
import { recordListRead } from '../audit/record-list-read.ts';
import { listCases } from './case-list.ts';
import { addCaseLink, addCaseLocation, addCaseSubject, removeCaseSubject } from './case-parts-service.ts';
import { loadCaseFor } from './case-policy-loader.ts';
import { createCase, updateCase } from './case-service.ts';
import { shareCase, transferCase } from './case-sharing-service.ts';
import { caseSharingView } from './case-sharing-view.ts';
import { toCaseSummary } from './case-summary.ts';
import { isoOf, writeContextOf } from '../changes/write-context.ts';

/** Registers the cases routes. */
export function registerCaseRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  registerRoute(app, ctx, caseRoutes.listCases, async ({ user, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    // A refused row means an audience row is stale: never shown, and worth an operator's look.
    const page = await listCases(ctx.db, user, isoOf(w), query, (caseId) => {
      request.log.warn({ caseId }, 'case list: an audience row admitted a case the policy refuses; not shown');
    });
    // A text query is a search, audited with its terms; a plain queue page is a list read (ids and count).
    const { limit: _limit, cursor: _cursor, ...terms } = query;
    if (query.q !== undefined) {
      await recordAuditNow(ctx.db, { actor: w.actor, action: 'record.search', entityType: 'case', outcome: 'success', at: w.now, details: { terms, results: page.cases.length } });
    } else {
      // The page's own rows name their owners: no second read of `cases` for the scope index.
      const ids = page.cases.map((c) => c.id);
      await recordListRead(ctx.db, {
        actor: w.actor, list: 'cases', entityType: 'case', entityId: null, ids, filters: terms,
        subject: { ownerAgencyIds: [...new Set(page.cases.map((c) => c.ownerAgencyId))] }, at: w.now,
      });
    }
    return page;
  });

  registerRoute(app, ctx, routes.auditBreakGlassCase, ({ user, params, body, request }) =>
    breakGlassCase(ctx, user, actorOf(user, request), params.id, body.justification));

  registerRoute(app, ctx, caseRoutes.getCase, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const loaded = await loadCaseFor(ctx.db, params.id, user, isoOf(w), 'read');
    const detail = await caseDetailOf(ctx.db, loaded, user, isoOf(w));
    await recordAuditNow(ctx.db, { actor: w.actor, action: 'record.view', entityType: 'case', entityId: params.id, outcome: 'success', at: w.now });
    return detail;
  });

  registerRoute(app, ctx, caseRoutes.createCase, ({ user, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => {
      const c = await createCase(trx, w, body);
      return toCaseSummary(c.row, c.policy, user, isoOf(w));
    });
  });

  registerRoute(app, ctx, caseRoutes.updateCase, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => {
      const c = await updateCase(trx, w, params.id, body);
      return toCaseSummary(c.row, c.policy, user, isoOf(w));
    });
  });

  registerRoute(app, ctx, caseRoutes.shareCase, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => {
      const c = await shareCase(trx, w, params.id, body);
      return toCaseSummary(c.row, c.policy, user, isoOf(w));
    });
  });

  registerRoute(app, ctx, caseRoutes.getCaseSharing, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const view = await caseSharingView(ctx.db, params.id, user, isoOf(w));
    await recordAuditNow(ctx.db, { actor: w.actor, action: 'record.view', entityType: 'case', entityId: params.id, outcome: 'success', at: w.now, details: { sharing: true } });
    return view;
  });

  registerRoute(app, ctx, caseRoutes.transferCase, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    // Only id and version: after a transfer the caller may no longer see the case.
    return withWrite(ctx, async (trx) => {
      const c = await transferCase(trx, w, params.id, body);
      return { id: c.row.id, version: c.row.version };
    });
  });

  registerRoute(app, ctx, caseRoutes.addCaseSubject, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => caseDetailOf(trx, await addCaseSubject(trx, w, params.id, body.personId, body.role, body.reason), user, isoOf(w)));
  });
  registerRoute(app, ctx, caseRoutes.removeCaseSubject, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => caseDetailOf(trx, await removeCaseSubject(trx, w, params.id, body.personId, body.role), user, isoOf(w)));
  });
  registerRoute(app, ctx, caseRoutes.addCaseLink, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => caseDetailOf(trx, await addCaseLink(trx, w, params.id, body.linkedCaseId, body.reason), user, isoOf(w)));
  });
  registerRoute(app, ctx, caseRoutes.addCaseLocation, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => caseDetailOf(trx, await addCaseLocation(trx, w, params.id, body.locationId, body.description), user, isoOf(w)));
  });

  return Promise.resolve();
}
