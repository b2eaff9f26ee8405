/** Compiles a query's shape once per handle; later calls only put in their values (Kysely builds and compiles on every call otherwise). */
import type { CompiledQuery, Kysely } from 'kysely';

/** A value's place in a query compiled once: its name, filled in on each call. */
class Slot {
  constructor(readonly name: string) {}
}

/** Whether a compiled query's parameter is a stand-in (a spy on the handle sees the shape compiled with them). */
export function isStandIn(value: unknown): boolean {
  return value instanceof Slot;
}

interface Template {
  query: CompiledQuery<unknown>;
  /** [parameter index, value name] for each parameter that is a slot. */
  slots: Array<[number, string]>;
}

// Per handle: a plugin's copy of a handle (tests' spies) compiles its own, through its own plugins.
const templates = new WeakMap<object, Map<string, Template>>();

/**
 * The compiled query for `shape`, built and compiled by `build` the first time only, with `values` as its parameters.
 * `build` gets stand-ins for the values, never the values themselves, so it must not branch on them:
 * everything that changes the SQL text belongs in `shape`. Each value must reach the SQL as a
 * parameter, or the first call throws.
 */
export function compileOnce<DB, V extends Record<string, unknown>, R>(
  db: Kysely<DB>, shape: string, values: V, build: (db: Kysely<DB>, slots: { readonly [K in keyof V]: never }) => CompiledQuery<R>,
): CompiledQuery<R> {
  let shapes = templates.get(db);
  if (shapes === undefined) {
    shapes = new Map();
    templates.set(db, shapes);
  }
  let template = shapes.get(shape);
  if (template === undefined) {
    template = compileTemplate(db, shape, Object.keys(values), build as (db: Kysely<DB>, slots: Record<string, never>) => CompiledQuery<unknown>);
    shapes.set(shape, template);
  }
  const parameters = [...template.query.parameters];
  for (const [index, name] of template.slots) {
    parameters[index] = values[name];
  }
  return { ...template.query, parameters };
}

function compileTemplate<DB>(db: Kysely<DB>, shape: string, names: string[], build: (db: Kysely<DB>, slots: Record<string, never>) => CompiledQuery<unknown>): Template {
  const slots = Object.fromEntries(names.map((name) => [name, new Slot(name) as never]));
  const query = build(db, slots);
  const found: Array<[number, string]> = [];
  query.parameters.forEach((value, index) => {
    if (value instanceof Slot) {
      found.push([index, value.name]);
    }
  });
  const missing = names.filter((name) => !found.some(([, n]) => n === name));
  if (missing.length > 0) {
    throw new Error(`The query shape "${shape}" does not bind ${missing.join(', ')} as a parameter.`);
  }
  return { query, slots: found };
}
