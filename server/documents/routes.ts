/** Registers the documents routes declared in domain/http. */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../server-context.ts';

/** Registers the documents routes. */
export function registerDocumentRoutes(_app: FastifyInstance, _ctx: ServerContext): Promise<void> {
  return Promise.resolve();
}
