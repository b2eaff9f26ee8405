/** Serves the OpenAPI document (`GET /openapi.json`) and a readable reference page (`GET /docs`). */
import type { FastifyInstance } from 'fastify';
import { buildOpenApiDocument } from '../../domain/http/openapi.ts';
import { routes } from '../../domain/http/routes.ts';
import type { ServerContext } from '../context/server-context.ts';
import { DOCS_CSP, renderDocsPage } from './docs-page.ts';

const API_VERSION = '0.1.0';

/**
 * Registers the docs routes. Both are public: they describe the API, never data. They are built
 * once from the route table at start-up, so a route added to `routes` appears without edits here.
 */
export function registerDocsRoutes(app: FastifyInstance, _ctx: ServerContext): Promise<void> {
  const document = buildOpenApiDocument(routes, API_VERSION);
  const json = JSON.stringify(document);
  const page = renderDocsPage(document);
  app.get('/openapi.json', (_request, reply) => reply.type('application/json; charset=utf-8').send(json));
  app.get('/docs', (_request, reply) =>
    // Route-scoped CSP: the global policy forbids all styles; this page allows only its own, by hash.
    reply.header('content-security-policy', DOCS_CSP).type('text/html; charset=utf-8').send(page),
  );
  return Promise.resolve();
}
