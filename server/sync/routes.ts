/** The sync protocol's HTTP routes: bootstrap, pull and push (the socket is in server/realtime). */
import type { FastifyInstance } from 'fastify';
import { encodeCompactBootstrap } from '../../domain/http/bootstrap-compact.ts';
import { routes } from '../../domain/http/routes.ts';
import { BootstrapResponseSchema } from '../../domain/http/sync-schemas.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { joinAuditFlush } from '../audit/audit-group-commit.ts';
import { recordSyncDisclosure, recordSyncDisclosureIn } from '../audit/record-sync-disclosure.ts';
import { registerRoute } from '../http/register-route.ts';
import { requestDevice } from '../http/request-device.ts';
import type { ServerContext } from '../context/server-context.ts';
import { bootstrapPage } from './bootstrap.ts';
import { noteDevicePull } from './note-device-pull.ts';
import { pullPage } from './pull.ts';
import { pushMutations } from './push.ts';

/** Registers the sync routes. */
export function registerSyncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  // Each page that carries records is audited as a disclosure before it is answered (docs/audit.md, "Sync").
  registerRoute(app, ctx, routes.syncPull, async ({ query, user, request }) => {
    const now = ctx.now();
    const at = now.toISOString();
    const cursor = query.cursor === undefined ? 0 : Number(query.cursor);
    const page = await pullPage(ctx.db, ctx.dialect, { user, cursor, limit: query.limit, clientId: query.clientId, at });
    // The page's two writes commit together, in the audit flush that concurrent requests' events share
    // (docs/audit.md, "Group commit"); the answer leaves only once it has committed.
    await joinAuditFlush(ctx.db, async (trx) => {
      await noteDevicePull(trx, ctx.dialect, requestDevice(request), user.id, at);
      await recordSyncDisclosureIn(trx, {
        actor: actorOf(user, request), position: { sync: 'pull', fromSeq: String(cursor), toSeq: page.cursor }, changes: page.changes, at: now,
      });
    });
    return page;
  });
  registerRoute(app, ctx, routes.syncBootstrap, async ({ query, user, request }) => {
    const now = ctx.now();
    const page = await bootstrapPage(ctx.db, ctx.dialect, {
      user, snapshot: query.snapshot === undefined ? undefined : Number(query.snapshot), phase: query.phase, after: query.after,
      limit: query.limit, at: now.toISOString(),
    });
    await recordSyncDisclosure(ctx.db, {
      actor: actorOf(user, request), position: { sync: 'bootstrap', snapshot: page.snapshot, phase: query.phase, after: query.after ?? null },
      changes: page.changes, at: now,
    });
    // The compact page carries the same records, checked by the page's own schema first (so only declared fields travel).
    return query.format === 'compact' ? encodeCompactBootstrap(BootstrapResponseSchema.parse(page)) : page;
  });
  registerRoute(app, ctx, routes.syncPush, ({ body, user, request }) => pushMutations(ctx, user, body, request));
}
