/** The OpenAPI document and the docs page follow the route table, with no token needed and no script. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../domain/errors.ts';
import { openApiPath, type OpenApiDocument } from '../../domain/http/openapi.ts';
import { allRoutes, pathParams } from '../support/route-walker.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

type Op = { operationId: string; security: unknown[]; parameters: Array<{ name: string; in: string; required: boolean }>; requestBody?: unknown; responses: Record<string, unknown> };

function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) {
    value.forEach((v) => refs(v, out));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      if (key === '$ref' && typeof inner === 'string') { out.push(inner); } else { refs(inner, out); }
    }
  }
  return out;
}

function pointer(doc: unknown, ref: string): unknown {
  return ref.slice(2).split('/').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')], doc);
}

describe.each(testDialects())('openapi on %s', (dialect) => {
  let server: TestServer;
  let doc: OpenApiDocument;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const res = await server.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/json');
    doc = res.json<OpenApiDocument>();
  });
  afterAll(() => server.stop());

  it('is an OpenAPI 3.1 document served without a token', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.bearer).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  });

  it('describes every route of the table, once, with its parameters, body and security', () => {
    const routes = allRoutes();
    const ops = Object.values(doc.paths).flatMap((methods) => Object.values(methods)) as unknown as Op[];
    expect(ops.map((o) => o.operationId).sort()).toEqual(routes.map((r) => r.name).sort());
    for (const { name, def } of routes) {
      const op = doc.paths[openApiPath(def.path)]?.[def.method.toLowerCase()] as Op | undefined;
      expect(op?.operationId, name).toBe(name);
      expect(openApiPath(def.path)).not.toContain(':');
      expect(op?.security, name).toEqual(def.auth ? [{ bearer: [] }] : []);
      const inPath = op?.parameters.filter((p) => p.in === 'path').map((p) => p.name).sort();
      expect(inPath, name).toEqual(pathParams(def.path).sort());
      const queryKeys = Object.keys((def.query as unknown as { shape?: object }).shape ?? {}).sort();
      expect(op?.parameters.filter((p) => p.in === 'query').map((p) => p.name).sort(), name).toEqual(queryKeys);
      expect(op?.requestBody !== undefined, name).toBe(def.body.def.type !== 'undefined');
      expect(op?.responses['200'], name).toBeDefined();
      expect(op?.responses['5XX'], name).toEqual({ $ref: '#/components/responses/Error' });
    }
  });

  it('shares one error schema whose codes are exactly the stable error codes', () => {
    const schema = doc.components.schemas.ErrorResponse as { properties: { error: { properties: { code: { enum: string[] } } } } };
    expect(schema.properties.error.properties.code.enum).toEqual([...ERROR_CODES]);
  });

  it('resolves every $ref inside the document', () => {
    const dangling = refs(doc).filter((ref) => !ref.startsWith('#/') || pointer(doc, ref) === undefined);
    expect(dangling).toEqual([]);
  });

  it('documents the sign-in body and the health response from their zod schemas', () => {
    const login = doc.paths['/auth/login']?.post as { requestBody: { required: boolean; content: Record<string, { schema: { required: string[] } }> } };
    expect(login.requestBody.required).toBe(true);
    expect(login.requestBody.content['application/json']?.schema.required).toEqual(['username', 'password']);
    const health = doc.paths['/health']?.get as { responses: Record<string, { content: Record<string, { schema: unknown }> }> };
    expect(health.responses['200']?.content['application/json']?.schema).toMatchObject({ properties: { ok: { const: true } }, required: ['ok'] });
  });

  it('serves a docs page listing every route, with no script and a CSP that allows only its own style', async () => {
    const res = await server.app.inject({ method: 'GET', url: '/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.body).not.toMatch(/<script/i);
    for (const { name, def } of allRoutes()) {
      expect(res.body, name).toContain(`<code>${openApiPath(def.path)}</code>`);
      expect(res.body, name).toContain(`id="${name}"`);
    }
  });
});
