/**
 * The compact bootstrap page (`GET /sync/bootstrap?format=compact`, docs/sync.md "Bootstrap"): the
 * same records as the object page, as tables of one entity and one column list each, every record a
 * row of values in column order. The desktop decodes it back to the same records and checks each with
 * the sync schemas, so nothing unchecked reaches the cache; a malformed page is a typed error.
 */
import { z } from 'zod';
import { CodedError } from '../errors.ts';
import {
  BootstrapNextSchema, BootstrapResponseSchema, CursorSchema, SYNC_ENTITIES, SyncChangeSchema, type BootstrapResponse, type SyncChange, type SyncEntity,
} from './sync-schemas.ts';

/** One table of a compact page: the records of one entity that carry the same fields. */
export const CompactTableSchema = z.object({
  entity: z.enum(SYNC_ENTITIES),
  /** The record's fields, in the order of each row's values. */
  columns: z.array(z.string()).max(64),
  /** One row per record; the values are checked against the entity's sync schema once decoded. */
  rows: z.array(z.array(z.unknown())),
});
/** One table of a compact page. */
export type CompactTable = z.infer<typeof CompactTableSchema>;

export const CompactBootstrapResponseSchema = z.object({
  format: z.literal('compact'),
  /** Pull from here once the bootstrap is complete; every record of the page is at this position. */
  snapshot: CursorSchema,
  tables: z.array(CompactTableSchema),
  next: BootstrapNextSchema,
});
/** A compact bootstrap page, as it travels. */
export type CompactBootstrapResponse = z.infer<typeof CompactBootstrapResponseSchema>;

/** What `GET /sync/bootstrap` answers: the object page, or the compact one when asked for. */
export const BootstrapAnswerSchema = z.union([BootstrapResponseSchema, CompactBootstrapResponseSchema]);
/** A bootstrap page in either format. */
export type BootstrapAnswer = z.infer<typeof BootstrapAnswerSchema>;

// The fields each entity's sync schema declares: a compact column must be one of them.
const DECLARED: ReadonlyMap<SyncEntity, ReadonlySet<string>> = new Map(
  SyncChangeSchema.options.map((option) => [option.shape.entity.value, new Set(Object.keys(option.shape.data.shape))] as const),
);

/**
 * Encodes an object page (already parsed by its response schema, so every record carries declared
 * fields only) as a compact page: one table per entity and set of fields, in order of first
 * appearance, each keeping its records' order. Every record of a bootstrap page is at the page's snapshot.
 */
export function encodeCompactBootstrap(page: BootstrapResponse): CompactBootstrapResponse {
  const tables = new Map<string, CompactTable>();
  for (const change of page.changes) {
    const data = change.data as Readonly<Record<string, unknown>>;
    // An absent optional field (undefined) stays absent: JSON would turn it into a null.
    const columns = Object.keys(data).filter((c) => data[c] !== undefined);
    const key = `${change.entity}:${columns.join(',')}`;
    let table = tables.get(key);
    if (!table) {
      table = { entity: change.entity, columns, rows: [] };
      tables.set(key, table);
    }
    table.rows.push(columns.map((c) => data[c]));
  }
  return { format: 'compact', snapshot: page.snapshot, tables: [...tables.values()], next: page.next };
}

/**
 * Decodes a compact page back to the object page, checking every record with the sync schemas. A row
 * whose length is not its table's column count, a column the entity does not declare (or one named
 * twice), or a value of the wrong type is a `validation_error`, and nothing of the page is returned.
 */
export function decodeCompactBootstrap(page: CompactBootstrapResponse): BootstrapResponse {
  const seq = Number(page.snapshot);
  const changes: SyncChange[] = [];
  for (const [t, table] of page.tables.entries()) {
    const declared = DECLARED.get(table.entity)!;
    const unknown = table.columns.find((c) => !declared.has(c));
    if (unknown !== undefined || new Set(table.columns).size !== table.columns.length) {
      throw malformed(unknown === undefined ? `table ${t} (${table.entity}) names a column twice` : `table ${t} (${table.entity}) has a column its records do not declare`);
    }
    for (const [r, row] of table.rows.entries()) {
      if (row.length !== table.columns.length) {
        throw malformed(`row ${r} of table ${t} (${table.entity}) has ${row.length} values for ${table.columns.length} columns`);
      }
      const data: Record<string, unknown> = {};
      for (const [c, column] of table.columns.entries()) {
        data[column] = row[c];
      }
      const parsed = SyncChangeSchema.safeParse({ entity: table.entity, seq, data });
      if (!parsed.success) {
        throw malformed(`row ${r} of table ${t} (${table.entity}) is not a valid record`);
      }
      changes.push(parsed.data);
    }
  }
  return { snapshot: page.snapshot, changes, next: page.next };
}

/** The object page of an answer in either format (a compact one decoded and checked). */
export function bootstrapPageOf(answer: BootstrapAnswer): BootstrapResponse {
  return 'format' in answer ? decodeCompactBootstrap(answer) : answer;
}

// The message names where, never a value (a record's content stays out of errors and logs).
function malformed(where: string): CodedError {
  return new CodedError('validation_error', `The server's compact bootstrap page is malformed: ${where}.`);
}
