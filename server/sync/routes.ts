/** The sync protocol's HTTP routes: bootstrap, pull and push (the socket is in server/realtime). */
import type { FastifyInstance } from 'fastify';
import { routes } from '../../domain/http/routes.ts';
import { registerRoute } from '../http/register-route.ts';
import { requestDevice } from '../http/request-device.ts';
import type { ServerContext } from '../context/server-context.ts';
import { bootstrapPage } from './bootstrap.ts';
import { noteDevicePull } from './note-device-pull.ts';
import { pullPage } from './pull.ts';
import { pushMutations } from './push.ts';

/** Registers the sync routes. */
export function registerSyncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.syncPull, async ({ query, user, request }) => {
    const at = ctx.now().toISOString();
    const page = await pullPage(ctx.db, ctx.dialect, {
      user, cursor: query.cursor === undefined ? 0 : Number(query.cursor), limit: query.limit, clientId: query.clientId, at,
    });
    await noteDevicePull(ctx.db, requestDevice(request), user.id, at);
    return page;
  });
  registerRoute(app, ctx, routes.syncBootstrap, ({ query, user }) =>
    bootstrapPage(ctx.db, ctx.dialect, {
      user, snapshot: query.snapshot === undefined ? undefined : Number(query.snapshot), phase: query.phase, after: query.after,
      limit: query.limit, at: ctx.now().toISOString(),
    }),
  );
  registerRoute(app, ctx, routes.syncPush, ({ body, user, request }) => pushMutations(ctx, user, body, request));
}
