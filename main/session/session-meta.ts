/** What the session keeps inside the encrypted cache's meta table: device id, password verifier, offline lease. */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { openCache } from '../cache-worker/open-cache.ts';
import type { StoredLease } from './offline-lease.ts';

const KEYS = { deviceId: 'session.device_id', verifier: 'session.password_verifier', lease: 'session.offline_lease' } as const;

/** The session's own rows in the cache. */
export interface SessionMeta {
  deviceId: string | null;
  verifier: string | null;
  lease: StoredLease | null;
}

/** Where the cache is and how to open it. */
export interface MetaTarget {
  file: string;
  keyHex: string;
  nativeBinding?: string;
}

/**
 * Reads the session rows (the cache must have been migrated once). Runs on its own short-lived
 * cache worker, so it works while the session's cache is closed (idle lock) and never runs SQL on
 * the main thread. A wrong key rejects with `authentication_error`.
 */
export function readSessionMeta(target: MetaTarget): Promise<SessionMeta> {
  return withCache(target, async (db) => {
    const rows = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', Object.values(KEYS)).execute();
    const get = (key: string) => rows.find((r) => r.key === key)?.value ?? null;
    return { deviceId: get(KEYS.deviceId), verifier: get(KEYS.verifier), lease: parseLease(get(KEYS.lease)) };
  });
}

/**
 * Writes the given session rows, one upsert each (each row stands alone). Not in a transaction: a
 * worker transaction hung while another connection had the file open (reported to the cache owner).
 */
export function writeSessionMeta(target: MetaTarget, values: Partial<SessionMeta>): Promise<void> {
  const rows = [
    values.deviceId ? { key: KEYS.deviceId, value: values.deviceId } : null,
    values.verifier ? { key: KEYS.verifier, value: values.verifier } : null,
    values.lease ? { key: KEYS.lease, value: JSON.stringify(values.lease) } : null,
  ].filter((r) => r !== null);
  if (rows.length === 0) {
    return Promise.resolve();
  }
  return withCache(target, async (db) => {
    for (const row of rows) {
      await db.insertInto('meta').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value })).execute();
    }
  });
}

async function withCache<T>(target: MetaTarget, use: (db: Kysely<CacheDatabase>) => Promise<T>): Promise<T> {
  const handles = await openCache(target);
  try {
    return await use(handles.write);
  } finally {
    await handles.close();
  }
}

function parseLease(raw: string | null): StoredLease | null {
  if (raw === null) {
    return null;
  }
  try {
    const value = JSON.parse(raw) as Partial<StoredLease>;
    return typeof value.token === 'string' && typeof value.notAfter === 'string' ? { token: value.token, notAfter: value.notAfter } : null;
  } catch {
    return null;
  }
}
