/** Builders for cache tests: synthetic sync records with overrides, pull pages, and plain/encrypted caches. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { CaseRecord } from '../../domain/entities.ts';
import type { PullResponse, SyncChange, SyncRemoval } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { CASE_TYPE_LABELS, CASE_TYPES } from '../../domain/vocabulary.ts';
import type {
  SyncCaseLocation, SyncCaseSubject, SyncDocument, SyncLocation, SyncMarker, SyncPerson, SyncReport, SyncTask,
} from '../../domain/sync/sync-records.ts';
import { createCaseCache, type CaseCache } from '../../main/cache/case-cache.ts';
import { isStandIn } from '../../db/compile-once.ts';
import { BatchColumn } from '../../main/cache-worker/query-batch.ts';
import { registerCacheFunctions } from '../../main/cache-worker/cache-functions.ts';
import { openEncryptedDb } from '../../main/cache-worker/open-encrypted-db.ts';
import { createSyncedCache, type SyncedCache } from '../../main/sync/synced-cache.ts';

const T = '2026-11-01T09:00:00.000Z';
let cursor = 0;

/** A fresh random 256-bit cache key. */
export const newKeyHex = (): string => randomBytes(32).toString('hex');

/** An encrypted cache in `dir` opened as the app opens it, and the Kysely handle it runs on (to inspect it). */
export async function openTestCache(dir: string, keyHex = newKeyHex()): Promise<{ cache: SyncedCache; db: Kysely<CacheDatabase>; file: string; keyHex: string }> {
  const file = join(dir, 'cache.db');
  const db = new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: openEncryptedDb(file, keyHex) }) });
  return { cache: await createSyncedCache(db, dir, keyHex), db, file, keyHex };
}

/** An UNencrypted cache with the same pragmas: the control that proves a raw-bytes scan can find text. */
export async function openPlainCache(dir: string): Promise<{ cache: CaseCache; file: string; db: Kysely<CacheDatabase> }> {
  const file = join(dir, 'plain.db');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('foreign_keys = ON');
  registerCacheFunctions(sqlite);
  const db = new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { cache: await createCaseCache(db, dir), file, db };
}

/** A page with the given changes and removals and the next cursor. */
export function page(changes: Array<Omit<SyncChange, 'seq'>>, removals: SyncRemoval[] = []): PullResponse {
  cursor += 1;
  return { changes: changes.map((c, i) => ({ ...c, seq: cursor * 1000 + i }) as SyncChange), removals, cursor: String(cursor), hasMore: false, lastMutationId: 0 };
}

/** A case record. */
/** The default case types as the server sends them (case types are data: the cache labels cases from these). */
export const defaultCaseTypeChanges = (): Array<Omit<SyncChange, 'seq'>> =>
  CASE_TYPES.map((code) => ({ entity: 'case_type' as const, data: { id: code, label: CASE_TYPE_LABELS[code], active: true } }));

export const syncCase = (o: Partial<CaseRecord> = {}): CaseRecord => ({
  id: newId(), reference: `SYN-${String(++cursor).padStart(6, '0')}`, title: 'Synthetic case', caseType: 'asb', status: 'open',
  closureReason: null, riskLevel: 'medium', reviewDate: null, ownerAgencyId: newId(), ownerTeamId: null, ownerUserId: null,
  sharingLevel: 'owner_agency', sharedAgencyIds: [], createdAt: T, updatedAt: T, version: 1, ...o,
});

/** A person. */
export const syncPerson = (o: Partial<SyncPerson> = {}): SyncPerson => ({
  id: newId(), givenName: 'Alex', familyName: 'Example', dateOfBirth: '1990-01-01', estimatedBirthYear: null, gender: 'unknown', aliases: [], ...o,
});

/** A case subject. */
export const syncSubject = (caseId: string, personId: string): SyncCaseSubject => ({ id: newId(), caseId, personId, role: 'victim', createdAt: T });

/** A location (an address). */
export const syncLocation = (o: Partial<SyncLocation> = {}): SyncLocation => ({
  id: newId(), addressLine: '1 Synthetic Street', town: 'Testtown', postcode: 'TE1 1ST', uprn: null, latitude: null, longitude: null,
  ownerAgencyId: newId(), createdAt: T, updatedAt: T, version: 1, ...o,
});

/** A location's link to a case. */
export const syncCaseLocation = (caseId: string, locationId: string): SyncCaseLocation => ({ id: newId(), caseId, locationId, description: 'home', createdAt: T });

/** A report. */
export const syncReport = (caseId: string, o: Partial<SyncReport> = {}): SyncReport => ({
  id: newId(), caseId, kind: 'contact', title: 'Contact', body: 'Synthetic text', authorUserId: newId(), authorAgencyId: newId(),
  authorTeamId: null, sharingLevel: 'case', createdAt: T, updatedAt: T, version: 1, ...o,
});

/** A task. */
export const syncTask = (caseId: string, o: Partial<SyncTask> = {}): SyncTask => ({
  id: newId(), caseId, title: 'Visit', description: '', assigneeAgencyId: newId(), assigneeTeamId: null, assigneeUserId: null, dueDate: null,
  status: 'open', createdBy: newId(), createdAt: T, updatedAt: T, version: 1, updates: [], ...o,
});

/** A marker on a case, person or location. */
export const syncMarker = (subjectType: 'case' | 'person' | 'location', subjectId: string): SyncMarker => ({
  id: newId(), subjectType, subjectId, markerType: 'staff_safety', description: 'Dog on premises', ownerAgencyId: newId(),
  reviewDate: '2027-01-01', expiresAt: null, createdAt: T, updatedAt: T, version: 1,
});

/** A document's metadata. */
export const syncDocument = (caseId: string, reportId: string | null = null): SyncDocument => ({
  id: newId(), caseId, reportId, fileName: 'note.pdf', contentType: 'application/pdf', sizeBytes: 10, sha256: '0'.repeat(64),
  ownerAgencyId: newId(), ownerTeamId: null, uploadedBy: newId(), sharingLevel: 'case', createdAt: T,
});

/** Row ids of an FTS5 table matching an expression (the index itself, not the mirror table). */
export async function ftsRowids(db: Kysely<CacheDatabase>, table: 'person_fts' | 'case_fts' | 'report_fts', match: string): Promise<number[]> {
  const { rows } = await sql<{ rowid: number }>`SELECT rowid FROM ${sql.table(table)} WHERE ${sql.table(table)} MATCH ${match}`.execute(db);
  return rows.map((r) => r.rowid);
}

/** Row ids of a trigram FTS5 table (0007) matching an expression (e.g. a quoted substring). */
export async function trigramRowids(db: Kysely<CacheDatabase>, table: 'case_trigram' | 'person_trigram', match: string): Promise<number[]> {
  const { rows } = await sql<{ rowid: number }>`SELECT rowid FROM ${sql.table(table)} WHERE ${sql.table(table)} MATCH ${match}`.execute(db);
  return rows.map((r) => r.rowid);
}

/** Every term a trigram FTS5 table still holds (read through fts5vocab, i.e. from its shadow tables). */
export async function trigramTerms(db: Kysely<CacheDatabase>, table: 'case_trigram' | 'person_trigram'): Promise<string[]> {
  const vocab = sql.table(`temp.${table}_vocab`);
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS ${vocab} USING fts5vocab(main, ${sql.raw(table)}, row)`.execute(db);
  const { rows } = await sql<{ term: string }>`SELECT term FROM ${vocab}`.execute(db);
  return rows.map((r) => r.term);
}

/**
 * Whether a trigram table's stored index is exactly what indexing only the rows still in `source`
 * (rebuilt fresh, in a temporary table) gives: deleted rows that linger as tombstones or in unmerged
 * segments make the stored blocks differ. Compares the leaf blocks' bytes, not the structure record.
 */
export async function trigramIndexIsFresh(db: Kysely<CacheDatabase>, table: 'case_trigram' | 'person_trigram', columns: string, values: string, source: string): Promise<boolean> {
  const fresh = `temp.${table}_fresh`;
  await sql.raw(`DROP TABLE IF EXISTS ${fresh}`).execute(db);
  await sql.raw(`CREATE VIRTUAL TABLE ${fresh} USING fts5(${columns}, content='', contentless_delete=1, tokenize='trigram case_sensitive 0')`).execute(db);
  await sql.raw(`INSERT INTO ${fresh} (rowid, ${columns}) SELECT rid, ${values} FROM ${source}`).execute(db);
  await sql.raw(`INSERT INTO ${fresh} (${table}_fresh) VALUES ('optimize')`).execute(db);
  // Leaf blocks carry a segment id in their key; the blocks themselves (terms, rowids, positions) must match.
  const blocks = async (name: string) =>
    (await sql<{ block: Uint8Array }>`SELECT block FROM ${sql.raw(name)} WHERE id > 10 ORDER BY id`.execute(db)).rows.map((r) => Buffer.from(r.block).toString('hex'));
  const [stored, rebuilt] = [await blocks(`${table}_data`), await blocks(`temp.${table}_fresh_data`)];
  await sql.raw(`DROP TABLE ${fresh}`).execute(db);
  return stored.length > 0 ? stored.join() === rebuilt.join() : rebuilt.length === 0;
}

/**
 * A spied statement's parameters, bindable for EXPLAIN QUERY PLAN: a batch column (the page's ids) as an
 * empty JSON list, a stand-in of a shape compiled once (compile-once.ts) as null.
 */
export function explainable(parameters: readonly unknown[]): unknown[] {
  return parameters.map((p) => (p instanceof BatchColumn ? '[]' : isStandIn(p) ? null : p));
}
