/** The sync protocol's routes (docs/sync.md); the real-time socket is at SYNC_SOCKET_PATH. */
import { BootstrapAnswerSchema } from './bootstrap-compact.ts';
import { BootstrapQuerySchema, PullQuerySchema, PullResponseSchema, PushBodySchema, PushResponseSchema } from './sync-schemas.ts';
import { defineRoute, NoBody, NoQuery } from './route.ts';


export const syncRoutes = {
  syncPull: defineRoute({
    method: 'GET', path: '/sync/pull', auth: true, summary: 'A page of changes the caller may see since a cursor', tag: 'sync',
    query: PullQuerySchema, body: NoBody, response: PullResponseSchema,
  }),
  syncBootstrap: defineRoute({
    method: 'GET', path: '/sync/bootstrap', auth: true, summary: 'A page of everything the caller may see, at a pinned change-log position, most needed first (format=compact: tables of rows)', tag: 'sync',
    query: BootstrapQuerySchema, body: NoBody, response: BootstrapAnswerSchema,
  }),
  syncPush: defineRoute({
    method: 'POST', path: '/sync/push', auth: true, summary: 'Apply a client outbox of offline mutations, in order, once each', tag: 'sync',
    query: NoQuery, body: PushBodySchema, response: PushResponseSchema,
  }),
} as const;
