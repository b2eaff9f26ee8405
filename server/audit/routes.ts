/** Registers the audit routes declared in domain/http. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.ts';

/** Registers the audit routes. */
export function registerAuditRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {
  return Promise.resolve();
}
