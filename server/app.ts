/** Builds the cloud API: a Fastify app over an open database. */
import Fastify, { type FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';
import { routes } from '../domain/http/routes.ts';
import { registerAuthRoutes } from './auth/routes.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { registerRoute } from './http/register-route.ts';
import type { ServerContext } from './server-context.ts';
import { registerSyncRoutes } from './sync/routes.ts';

/** Options that differ between production and tests. */
export interface AppOptions {
  /** Structured request logs (no bodies, no personal data). Off in tests. */
  logger: boolean;
}

/** Creates the HTTP app with every route registered. */
export async function buildApp(ctx: ServerContext, options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ? { level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] } : false,
    bodyLimit: 1_048_576,
    trustProxy: false,
  });
  installErrorHandler(app);
  await app.register(helmet, { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
  registerRoute(app, ctx, routes.health, () => Promise.resolve({ ok: true as const }));
  registerAuthRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  return app;
}
