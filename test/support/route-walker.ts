/** Helpers to walk the route table in tests: fill paths, pick routes, build schema-valid sample inputs. */
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { z } from 'zod';
import type { RouteDef } from '../../domain/http/route.ts';
import { routes } from '../../domain/http/routes.ts';

/** One route of the table with its name. */
export interface RouteEntry {
  name: string;
  def: RouteDef;
}
type Json = Record<string, unknown>;

/** Every route in the table as it is at run time (other engineers keep adding to it). */
export function allRoutes(): RouteEntry[] {
  return Object.entries(routes as Record<string, RouteDef>).map(([name, def]) => ({ name, def }));
}

/** The routes that need a bearer token. */
export function authenticatedRoutes(): RouteEntry[] {
  return allRoutes().filter((r) => r.def.auth);
}

/** The routes anyone may call. */
export function publicRoutes(): RouteEntry[] {
  return allRoutes().filter((r) => !r.def.auth);
}

/** The `:name` segments of a path, in order. */
export function pathParams(path: string): string[] {
  return [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => m[1] ?? '');
}

/** True when a route addresses one record: it has an `id` or `…Id` path parameter. */
export function isResourceRoute(def: RouteDef): boolean {
  return pathParams(def.path).some((p) => p === 'id' || p.endsWith('Id'));
}

/** The path with each `:param` replaced by `values[param]` (URL-encoded) or a fresh random UUID. */
export function fillPath(path: string, values: Record<string, string> = {}): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => encodeURIComponent(values[name] ?? crypto.randomUUID()));
}

/** A route's request as `inject` options: bearer token, query, JSON body. */
export function routeRequest(
  def: RouteDef,
  input: { token?: string; params?: Record<string, string>; query?: Record<string, string | string[]>; body?: unknown } = {},
): InjectOptions {
  const headers: Record<string, string> = {};
  if (input.token) { headers.authorization = `Bearer ${input.token}`; }
  if (input.body !== undefined) { headers['content-type'] = 'application/json'; }
  return {
    method: def.method,
    url: fillPath(def.path, input.params),
    headers,
    ...(input.query ? { query: input.query } : {}),
    ...(input.body === undefined ? {} : { payload: JSON.stringify(input.body) }),
  };
}

/** Sends a route's request. */
export function callRoute(app: FastifyInstance, def: RouteDef, input: Parameters<typeof routeRequest>[1] = {}): Promise<LightMyRequestResponse> {
  return app.inject(routeRequest(def, input));
}

/** A zod schema as JSON Schema of its input side, for the samplers. */
export function inputJsonSchema(schema: z.ZodType): Json {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
}

function resolve(node: Json, root: Json): Json {
  const ref = node.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    return ((root.$defs as Record<string, Json> | undefined)?.[ref.slice(8)] ?? {});
  }
  return node;
}

function sampleString(s: Json): string {
  switch (s.format) {
    case 'uuid': return crypto.randomUUID();
    // Tomorrow: dates in requests are mostly expiries, reviews and due dates, which must lie ahead.
    case 'date-time': return new Date(Date.now() + 86_400_000).toISOString();
    case 'date': return '2026-01-15';
    case 'email': return 'someone@example.org';
    default: break;
  }
  if (typeof s.pattern === 'string') {
    const max = typeof s.maxLength === 'number' ? s.maxLength : 40;
    const found = fc.sample(fc.stringMatching(new RegExp(s.pattern), { maxLength: max }), { numRuns: 30, seed: 7 })
      .find((v) => v.length >= (typeof s.minLength === 'number' ? s.minLength : 0) && v.length <= max);
    if (found !== undefined) {
      return found;
    }
  }
  const min = typeof s.minLength === 'number' ? s.minLength : 1;
  return 'x'.repeat(Math.max(min, 1));
}

/**
 * A value for a JSON Schema node: required properties only (`full: false`), or every property
 * (`full: true`, so string fields that are optional are reached too). Uses `examples` when declared.
 */
export function sampleJson(node: Json, root: Json, full: boolean): unknown {
  const s = resolve(node, root);
  if (Array.isArray(s.examples) && s.examples.length > 0) { return s.examples[0]; }
  if ('const' in s) { return s.const; }
  if (Array.isArray(s.enum)) { return s.enum[0]; }
  const options = (s.anyOf ?? s.oneOf ?? s.allOf) as Json[] | undefined;
  if (options) {
    const first = options.find((o) => o.type !== 'null') ?? options[0];
    return first ? sampleJson(first, root, full) : null;
  }
  const type = Array.isArray(s.type) ? (s.type as string[]).find((t) => t !== 'null') : s.type;
  switch (type) {
    case 'string': return sampleString(s);
    case 'integer':
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum + 1 : 1;
      return typeof s.maximum === 'number' ? Math.min(min, s.maximum) : min;
    }
    case 'boolean': return true;
    case 'null': return null;
    case 'array': {
      const count = typeof s.minItems === 'number' ? s.minItems : 0;
      return Array.from({ length: count }, () => sampleJson((s.items ?? {}) as Json, root, full));
    }
    case 'object': {
      const required = new Set((s.required ?? []) as string[]);
      const out: Json = {};
      for (const [key, prop] of Object.entries((s.properties ?? {}) as Record<string, Json>)) {
        if (full || required.has(key)) { out[key] = sampleJson(prop, root, full); }
      }
      return out;
    }
    default: return undefined;
  }
}

/**
 * A value the schema accepts (full or minimal), or `undefined` when the sampler cannot build one.
 * Optional fields whose checks JSON Schema cannot show (refinements) are dropped until it parses.
 */
export function validSample(schema: z.ZodType, full = false): { value: unknown } | undefined {
  const json = inputJsonSchema(schema);
  const required = new Set((json.required ?? []) as string[]);
  for (const candidate of [sampleJson(json, json, full), sampleJson(json, json, !full)]) {
    let value = candidate;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const parsed = schema.safeParse(value);
      if (parsed.success) { return { value }; }
      const drop = new Set(parsed.error.issues.map((i) => String(i.path[0])).filter((k) => !required.has(k)));
      if (drop.size === 0 || value === null || typeof value !== 'object') { break; }
      value = Object.fromEntries(Object.entries(value).filter(([k]) => !drop.has(k)));
    }
  }
  return undefined;
}

/** A query sample as strings, the way a querystring arrives. */
export function asQueryStrings(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries((value ?? {}) as Json)) {
    if (v !== undefined) { out[key] = typeof v === 'string' ? v : JSON.stringify(v); }
  }
  return out;
}

/** Path values the params schema accepts: random UUIDs where it takes them, else a sample. */
export function validParams(def: RouteDef): Record<string, string> {
  const names = pathParams(def.path);
  const uuids = Object.fromEntries(names.map((n) => [n, crypto.randomUUID()]));
  if (!def.params || def.params.safeParse(uuids).success) { return uuids; }
  const sampled = validSample(def.params, true);
  return { ...uuids, ...asQueryStrings(sampled?.value) };
}
