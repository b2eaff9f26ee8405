/** Builders for cache tests: synthetic sync records with overrides, pull pages, and plain/encrypted caches. */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { CaseRecord } from '../../domain/entities.ts';
import type { PullResponse, SyncChange, SyncRemoval } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import type {
  SyncCaseLocation, SyncCaseSubject, SyncDocument, SyncLocation, SyncMarker, SyncPerson, SyncReport, SyncTask,
} from '../../domain/sync/sync-records.ts';
import { createCaseCache, type CaseCache } from '../../main/cache/case-cache.ts';
import { openEncryptedDb } from '../../main/cache/open-encrypted-db.ts';

const T = '2026-11-01T09:00:00.000Z';
let cursor = 0;

/** A fresh random 256-bit cache key. */
export const newKeyHex = (): string => randomBytes(32).toString('hex');

/** An encrypted cache in `dir` opened as the app opens it, and the Kysely handle it runs on (to inspect it). */
export async function openTestCache(dir: string, keyHex = newKeyHex()): Promise<{ cache: CaseCache; db: Kysely<CacheDatabase>; file: string; keyHex: string }> {
  const file = join(dir, 'cache.db');
  const db = new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: openEncryptedDb(file, keyHex) }) });
  return { cache: await createCaseCache(db, dir, keyHex), db, file, keyHex };
}

/** An UNencrypted cache with the same pragmas: the control that proves a raw-bytes scan can find text. */
export async function openPlainCache(dir: string): Promise<{ cache: CaseCache; file: string; db: Kysely<CacheDatabase> }> {
  const file = join(dir, 'plain.db');
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('secure_delete = ON');
  sqlite.pragma('foreign_keys = ON');
  const db = new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { cache: await createCaseCache(db, dir), file, db };
}

/** A page with the given changes and removals and the next cursor. */
export function page(changes: Array<Omit<SyncChange, 'seq'>>, removals: SyncRemoval[] = []): PullResponse {
  cursor += 1;
  return { changes: changes.map((c, i) => ({ ...c, seq: cursor * 1000 + i }) as SyncChange), removals, cursor: String(cursor), hasMore: false, lastMutationId: 0 };
}

/** A case record. */
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
