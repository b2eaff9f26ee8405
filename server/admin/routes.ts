/** Registers the admin routes declared in domain/http. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.ts';

/** Registers the admin routes. */
export function registerAdminRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {
  return Promise.resolve();
}
