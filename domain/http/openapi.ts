/** Builds the OpenAPI 3.1 document of the cloud API from the route table, with zod's own JSON Schema output. */
import { z } from 'zod';
import { ERROR_CODES } from '../errors.ts';
import type { RouteDef } from './route.ts';

/** A JSON Schema (OpenAPI 3.1 uses JSON Schema 2020-12 as is). */
export type JsonSchema = Record<string, unknown>;

/** The subset of an OpenAPI 3.1 document this generator writes. */
export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
  tags: Array<{ name: string }>;
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema>; responses: Record<string, JsonSchema>; securitySchemes: Record<string, JsonSchema> };
}

/** The wire shape of every error answer (4xx and 5xx). */
export const ErrorResponseSchema = z.object({
  error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
});

const UNTAGGED = 'general';

/** Converts a Fastify path (`/cases/:id`) to OpenAPI form (`/cases/{id}`). */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

/** The tag a route is grouped under on the docs page. */
export function routeTag(def: RouteDef): string {
  return def.tag ?? UNTAGGED;
}

/** True when a route takes no request body (declared as `z.undefined()`). */
export function hasNoBody(def: RouteDef): boolean {
  return def.body.def.type === 'undefined';
}

/**
 * A zod schema as JSON Schema, with local `$defs` hoisted into `components.schemas` so every
 * `$ref` resolves inside the whole document. Input schemas use `io: 'input'` (what a client sends,
 * before coercion and defaults); responses use `io: 'output'` (what the server sends after parsing).
 * Types JSON Schema cannot express (transforms' outputs, dates, custom checks) become an
 * annotated "any" rather than breaking the document when someone declares one.
 */
export function toSchema(schema: z.ZodType, io: 'input' | 'output', prefix: string, shared: Record<string, JsonSchema>): JsonSchema {
  const raw = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: () => ({ description: 'Not representable in JSON Schema; see the zod declaration.' }),
  }) as JsonSchema;
  const { $schema: _schema, $defs, ...rest } = raw;
  const defs = ($defs ?? {}) as Record<string, unknown>;
  const renames = new Map<string, string>();
  for (const name of Object.keys(defs)) {
    // Named schemas (`.meta({ id })`) keep their id; anonymous ones (cycles) get the route's prefix.
    renames.set(name, name.startsWith('__') ? `${prefix}${name}` : name);
  }
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(rewrite);
    }
    if (value !== null && typeof value === 'object') {
      const out: JsonSchema = {};
      for (const [key, inner] of Object.entries(value)) {
        out[key] = key === '$ref' && typeof inner === 'string' ? rewriteRef(inner, renames) : rewrite(inner);
      }
      return out;
    }
    return value;
  };
  for (const [name, def] of Object.entries(defs)) {
    shared[renames.get(name) ?? name] ??= rewrite(def) as JsonSchema;
  }
  return rewrite(rest) as JsonSchema;
}

function rewriteRef(ref: string, renames: Map<string, string>): string {
  const match = /^#\/\$defs\/(.+)$/.exec(ref);
  if (!match?.[1]) {
    return ref;
  }
  return `#/components/schemas/${renames.get(match[1]) ?? match[1]}`;
}

function parameters(schema: z.ZodType | undefined, where: 'path' | 'query', prefix: string, shared: Record<string, JsonSchema>): JsonSchema[] {
  if (!schema) {
    return [];
  }
  const json = toSchema(schema, 'input', prefix, shared);
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

const errorRef = { $ref: '#/components/responses/Error' };

function operation(name: string, def: RouteDef, shared: Record<string, JsonSchema>): JsonSchema {
  const prefix = `${name}_`;
  const responses: JsonSchema = {
    '200': { description: 'Success', content: { 'application/json': { schema: toSchema(def.response, 'output', prefix, shared) } } },
    '400': errorRef,
    ...(def.auth ? { '401': errorRef, '403': errorRef, '404': errorRef } : {}),
    ...(hasNoBody(def) ? {} : { '413': errorRef }),
    '429': errorRef,
    '4XX': errorRef,
    '5XX': errorRef,
  };
  return {
    operationId: name,
    summary: def.summary,
    tags: [routeTag(def)],
    // An explicit empty list marks a public route; the rest need the bearer token.
    security: def.auth ? [{ bearer: [] }] : [],
    parameters: [...parameters(def.params, 'path', prefix, shared), ...parameters(def.query, 'query', prefix, shared)],
    ...(hasNoBody(def)
      ? {}
      : {
          requestBody: {
            required: !def.body.safeParse(undefined).success,
            content: { 'application/json': { schema: toSchema(def.body, 'input', prefix, shared) } },
          },
        }),
    responses,
  };
}

/** The OpenAPI 3.1 document of a route table; regenerated from the table, so it never drifts. */
export function buildOpenApiDocument(table: Record<string, RouteDef>, version: string): OpenApiDocument {
  const shared: Record<string, JsonSchema> = {};
  const paths: OpenApiDocument['paths'] = {};
  const tags = new Set<string>();
  for (const [name, def] of Object.entries(table)) {
    const path = openApiPath(def.path);
    paths[path] ??= {};
    paths[path][def.method.toLowerCase()] = operation(name, def, shared);
    tags.add(routeTag(def));
  }
  shared.ErrorResponse = toSchema(ErrorResponseSchema, 'output', 'ErrorResponse_', shared);
  return {
    openapi: '3.1.0',
    info: {
      title: 'Casebridge cloud API',
      version,
      description: `Every error answers { error: { code, message } }; code is one of: ${ERROR_CODES.join(', ')}.`,
    },
    tags: [...tags].sort().map((name) => ({ name })),
    paths,
    components: {
      schemas: shared,
      responses: {
        Error: {
          description: 'An error with a stable machine code; branch on the code, never on the message.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
        },
      },
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
