/** Registers the persons routes declared in domain/http. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.ts';

/** Registers the persons routes. */
export function registerPersonRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {
  return Promise.resolve();
}
