/** Registers the marker routes: place, list on a subject, change. */
import type { FastifyInstance } from 'fastify';
import { markerRoutes } from '../../domain/http/marker-routes.ts';
import { recordListRead } from '../audit/record-list-read.ts';
import { isoOf, writeContextOf } from '../changes/write-context.ts';
import { withWrite } from '../db/write.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { listMarkersOn, toMarkerRecord } from './marker-queries.ts';
import { createMarker, updateMarker } from './marker-service.ts';

/** Registers the marker routes. */
export function registerMarkerRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, markerRoutes.createMarker, ({ user, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => toMarkerRecord(await createMarker(trx, w, body), user, isoOf(w)));
  });

  registerRoute(app, ctx, markerRoutes.listMarkers, async ({ user, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    const markers = await listMarkersOn(ctx.db, user, isoOf(w), [{ type: query.subjectType, ids: [query.subjectId] }], query.includeExpired);
    await recordListRead(ctx.db, {
      actor: w.actor, list: 'markers', entityType: query.subjectType, entityId: query.subjectId, ids: markers.map((m) => m.id),
      subject: { ownerAgencyIds: [...new Set(markers.map((m) => m.ownerAgencyId))] }, at: w.now,
    });
    return { markers };
  });

  registerRoute(app, ctx, markerRoutes.updateMarker, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => toMarkerRecord(await updateMarker(trx, w, params.id, body), user, isoOf(w)));
  });
}
