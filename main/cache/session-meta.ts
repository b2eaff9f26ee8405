/** What the session keeps inside the encrypted cache's meta table: device id, password verifier, offline lease, user. */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { SessionUserSchema, type SessionUser } from '../../domain/entities.ts';

/** A lease as kept in the cache's meta table: the server's token and the notAfter the desktop enforces. */
export interface StoredLease {
  token: string;
  notAfter: string;
}

// All under `session.`, which a cache wipe keeps (./case-cache.ts).
const KEYS = { deviceId: 'session.device_id', verifier: 'session.password_verifier', lease: 'session.offline_lease', user: 'session.user' } as const;

/** The session's own rows in the cache. */
export interface SessionMeta {
  deviceId: string | null;
  verifier: string | null;
  lease: StoredLease | null;
  /** Who the server last said this cache's user is; an offline sign-in starts its session as them. */
  user: SessionUser | null;
}

/** The session's rows, read and written through the cache's own open connection (no second worker). */
export interface SessionMetaStore {
  /** The session rows; null for each one not written yet. */
  read(): Promise<SessionMeta>;
  /** Writes the given rows, one upsert each (each row stands alone); null or missing values are left as they are. */
  write(values: Partial<SessionMeta>): Promise<void>;
}

/** The store over the cache's write handle, so a read right after a write sees it. */
export function createSessionMetaStore(db: Kysely<CacheDatabase>): SessionMetaStore {
  return {
    async read() {
      const rows = await db.selectFrom('meta').select(['key', 'value']).where('key', 'in', Object.values(KEYS)).execute();
      const get = (key: string) => rows.find((r) => r.key === key)?.value ?? null;
      return { deviceId: get(KEYS.deviceId), verifier: get(KEYS.verifier), lease: parseLease(get(KEYS.lease)), user: parseUser(get(KEYS.user)) };
    },
    async write(values) {
      const rows = [
        values.deviceId ? { key: KEYS.deviceId, value: values.deviceId } : null,
        values.verifier ? { key: KEYS.verifier, value: values.verifier } : null,
        values.lease ? { key: KEYS.lease, value: JSON.stringify(values.lease) } : null,
        values.user ? { key: KEYS.user, value: JSON.stringify(values.user) } : null,
      ].filter((r) => r !== null);
      for (const row of rows) {
        await db.insertInto('meta').values(row).onConflict((oc) => oc.column('key').doUpdateSet({ value: row.value })).execute();
      }
    },
  };
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

function parseUser(raw: string | null): SessionUser | null {
  if (raw === null) {
    return null;
  }
  try {
    const parsed = SessionUserSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
