/** Registers the marker routes: place, list on a subject, change. */
import type { FastifyInstance } from 'fastify';
import { markerRoutes } from '../../domain/http/marker-routes.ts';
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

  registerRoute(app, ctx, markerRoutes.listMarkers, async ({ user, query }) => ({
    markers: await listMarkersOn(ctx.db, user, ctx.now().toISOString(), [{ type: query.subjectType, ids: [query.subjectId] }], query.includeExpired),
  }));

  registerRoute(app, ctx, markerRoutes.updateMarker, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => toMarkerRecord(await updateMarker(trx, w, params.id, body), user, isoOf(w)));
  });
}
