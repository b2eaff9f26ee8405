/** Registers the locations routes declared in domain/http/location-routes.ts. */
import { sql, type SqlBool } from 'kysely';
import type { FastifyInstance } from 'fastify';
import { locationRoutes } from '../../domain/http/location-routes.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { withWrite } from '../db/write.ts';
import { registerRoute } from '../http/register-route.ts';
import { writeContextOf } from '../changes/write-context.ts';
import type { ServerContext } from '../context/server-context.ts';
import { anyOf } from '../access/sql-audience.ts';
import { loadVisibleLocation, toLocationRecord } from './location-record.ts';
import { createLocation, updateLocation } from './location-service.ts';
import { locationVisibleSql } from '../access/location-visibility.ts';

const SEARCH_LIMIT = 50;

/** Registers the locations routes. */
export function registerLocationRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, locationRoutes.createLocation, async ({ body, user, request }) => {
    const id = await withWrite(ctx, (trx) => createLocation(trx, writeContextOf(ctx, user, request), body));
    return toLocationRecord(user, await loadVisibleLocation(ctx.db, user, ctx.now().toISOString(), id));
  });

  registerRoute(app, ctx, locationRoutes.getLocation, async ({ params, user, request }) => {
    const at = ctx.now();
    const row = await loadVisibleLocation(ctx.db, user, at.toISOString(), params.id).catch(async (error: unknown) => {
      await recordAuditNow(ctx.db, { actor: actorOf(user, request), action: 'record.view', entityType: 'location', entityId: params.id, outcome: 'denied', at });
      throw error;
    });
    await recordAuditNow(ctx.db, { actor: actorOf(user, request), action: 'record.view', entityType: 'location', entityId: params.id, outcome: 'success', at });
    return toLocationRecord(user, row);
  });

  registerRoute(app, ctx, locationRoutes.updateLocation, async ({ params, body, user, request }) => {
    await withWrite(ctx, (trx) => updateLocation(trx, writeContextOf(ctx, user, request), params.id, body));
    return toLocationRecord(user, await loadVisibleLocation(ctx.db, user, ctx.now().toISOString(), params.id));
  });

  registerRoute(app, ctx, locationRoutes.searchLocations, async ({ query, user, request }) => {
    const at = ctx.now();
    // Letters, digits and spaces only, so the terms cannot carry LIKE wildcards.
    const words = query.q.toLowerCase().replace(/[^a-z0-9 ]+/g, ' ').trim();
    const postcode = words.replace(/ /g, '').toUpperCase();
    const rows = words === '' ? [] : await ctx.db.selectFrom('locations').selectAll()
      .where(locationVisibleSql(user, at.toISOString(), 'locations'))
      .where(anyOf([
        sql<SqlBool>`replace(locations.postcode, ' ', '') like ${`${postcode}%`}`,
        sql<SqlBool>`lower(locations.address_line) like ${`%${words}%`}`,
        sql<SqlBool>`lower(locations.town) like ${`${words}%`}`,
        sql<SqlBool>`locations.uprn = ${words}`,
      ]))
      .orderBy('postcode').orderBy('address_line').orderBy('id').limit(SEARCH_LIMIT).execute();
    await recordAuditNow(ctx.db, {
      actor: actorOf(user, request), action: 'record.search', entityType: 'location', outcome: 'success', at,
      details: { terms: { q: query.q }, returned: rows.map((r) => r.id) },
    });
    return { results: rows.map((r) => toLocationRecord(user, r)) };
  });
}
