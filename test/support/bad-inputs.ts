/** Generators of malformed and hostile request inputs for any zod schema, built with fast-check. */
import fc from 'fast-check';
import type { z } from 'zod';
import { inputJsonSchema, sampleJson } from './route-walker.ts';

type Json = Record<string, unknown>;

/** Strings that must never reach SQL, HTML or the file system as code. */
export const HOSTILE_STRINGS = [
  "'; DROP TABLE cases; --",
  '1 OR 1=1',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '../../etc/passwd',
];

const junk = fc.oneof(
  fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }),
  fc.letrec((tie) => ({ node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.dictionary(fc.string({ maxLength: 3 }), tie('node'), { maxKeys: 2 })) })).node,
);

/** ~200 kB: over any sensible string limit, under the 1 MiB body limit. */
const HUGE = 'A'.repeat(200_000);

const queryJunk = fc.oneof(
  fc.constantFrom('', 'abc', '-1', '1e309', 'NaN', 'true', '{"a":1}', HUGE.slice(0, 20_000)),
  fc.array(fc.string({ maxLength: 5 }), { minLength: 2, maxLength: 3 }),
);

function objectParts(schema: z.ZodType): { base: Json; keys: string[]; required: string[] } {
  const json = inputJsonSchema(schema);
  const sample = sampleJson(json, json, true);
  const base = sample !== null && typeof sample === 'object' && !Array.isArray(sample) ? (sample as Json) : {};
  return { base, keys: Object.keys((json.properties ?? {})), required: (json.required ?? []) as string[] };
}

/**
 * Up to `count` request bodies the schema refuses: wrong top-level types, a field of the wrong type,
 * a missing required field, a huge string, nested junk, unknown extra fields. Each one is checked
 * against the schema, so a request that would be valid (and could write) is never sent.
 */
export function malformedBodies(schema: z.ZodType, count: number, seed: number): unknown[] {
  const { base, keys, required } = objectParts(schema);
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('unexpected');
  const arb = fc.oneof(
    junk,
    fc.tuple(key, junk).map(([k, v]) => ({ ...base, [k]: v })),
    fc.tuple(key, fc.constant(HUGE)).map(([k, v]) => ({ ...base, [k]: v })),
    required.length > 0 ? fc.constantFrom(...required).map((k) => omit(base, k)) : junk,
    fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), junk).map(([k, v]) => ({ ...base, [`x_${k}`]: v })),
  );
  return firstRefused(schema, arb, count, seed);
}

/** Up to `count` querystrings (string or repeated values, as they arrive) the schema refuses. */
export function malformedQueries(schema: z.ZodType, count: number, seed: number): Array<Record<string, string | string[]>> {
  const { base, keys, required } = objectParts(schema);
  const strings = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  const key = keys.length > 0 ? fc.constantFrom(...keys) : fc.constant('unexpected');
  const arb = fc.oneof(
    fc.tuple(key, queryJunk).map(([k, v]) => ({ ...strings, [k]: v })),
    required.length > 0 ? fc.constantFrom(...required).map((k) => omit(strings, k)) : fc.constant({ ...strings, unexpected: '1' }),
    fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string()).map(([k, v]) => ({ ...strings, [`x_${k}`]: v })),
  );
  return firstRefused(schema, arb, count, seed);
}

function omit<T extends Json>(value: T, key: string): T {
  const { [key]: _dropped, ...rest } = value;
  return rest as T;
}

function firstRefused<T>(schema: z.ZodType, arb: fc.Arbitrary<T>, count: number, seed: number): T[] {
  return fc.sample(arb, { numRuns: count * 4, seed }).filter((v) => !schema.safeParse(v).success).slice(0, count);
}

/** Copies of `value` with the string at each path (one at a time) replaced by `payload`. */
export function withEachStringReplaced(value: unknown, payload: string): unknown[] {
  if (typeof value === 'string') {
    return [payload];
  }
  if (Array.isArray(value)) {
    const items = value as unknown[];
    return items.flatMap((item, i) => withEachStringReplaced(item, payload).map((v): unknown => items.map((x, j) => (i === j ? v : x))));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, inner]) => withEachStringReplaced(inner, payload).map((v) => ({ ...value, [k]: v })));
  }
  return [];
}
