/** Registers the cases routes declared in domain/http. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.ts';

/** Registers the cases routes. */
export function registerCaseRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {
  return Promise.resolve();
}
