/**
 * A signed-in desktop sync stack for the sync tests: real server, real encrypted cache (one
 * connection shared by cache and outbox), and a small session source of our own interface.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { SessionUser } from '../../domain/entities.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { createApiClient, type ApiClient } from '../../main/api/api-client.ts';
import { openEncryptedDb } from '../../main/cache-worker/open-encrypted-db.ts';
import type { SyncCacheDatabase } from '../../main/sync/sync-cache-db.ts';
import { SyncEngine, type SyncEngineOptions, type SyncSessionSource } from '../../main/sync/sync-engine.ts';
import { SyncStatusTracker } from '../../main/sync/sync-status-tracker.ts';
import { createSyncStore, type SyncStore } from '../../main/sync/sync-store.ts';
import { createSyncedCache, type SyncedCache } from '../../main/sync/synced-cache.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import type { TestServer } from '../support/test-server.ts';

/** One desktop: session, engine, status history, and the raw cache database for assertions. */
export interface SyncDesktop {
  api: ApiClient;
  /** The folder of the cache file and its stored documents. */
  dataDir: string;
  session: SyncSessionSource & { require(): { cache: SyncedCache; user: SessionUser } };
  engine: SyncEngine;
  status: SyncStatusTracker;
  /** Every status the engine emitted, in order. */
  history: SyncStatus[];
  db(): Kysely<SyncCacheDatabase>;
  store(): SyncStore;
  /** Another engine on the same session and outbox, talking to `api` (e.g. an unreachable server). */
  engineWith(api: ApiClient, status: SyncStatusTracker): SyncEngine;
  close(): Promise<void>;
}

/** Signs `user` in (password checked by the server) and opens a fresh encrypted cache. */
export async function startSyncDesktop(server: TestServer, credentials: { username: string; password: string }, options: Omit<SyncEngineOptions, 'storeFor'> = {}): Promise<SyncDesktop> {
  const dataDir = mkdtempSync(join(tmpdir(), 'cb-sync-'));
  const api = createApiClient({ baseUrl: server.url });
  const pair = await api.call('login', { body: credentials });
  const keyHex = randomBytes(32).toString('hex');
  const db = new Kysely<SyncCacheDatabase>({ dialect: new SqliteDialect({ database: openEncryptedDb(join(dataDir, 'cache.cbcache'), keyHex) }) });
  const cache = await createSyncedCache(db, dataDir, keyHex);
  const store = createSyncStore(db, () => new Date());
  let active: { cache: SyncedCache; user: SessionUser } | null = { cache, user: pair.user };
  const session: SyncSessionSource & { require(): { cache: SyncedCache; user: SessionUser } } = {
    get active() {
      return active;
    },
    accessToken: () => Promise.resolve(pair.accessToken),
    require: () => active ?? (() => { throw new Error('signed out'); })(),
  };
  const storeFor: SyncEngineOptions['storeFor'] = () => store;
  const status = new SyncStatusTracker();
  const history: SyncStatus[] = [];
  status.subscribe((s) => history.push(s));
  const engine = new SyncEngine(session, api, status, () => new Date(), { ...options, storeFor });
  return {
    api, dataDir, session, engine, status, history,
    db: () => db,
    store: () => store,
    engineWith: (other, otherStatus) => new SyncEngine(session, other, otherStatus, () => new Date(), { storeFor }),
    async close() {
      engine.stop();
      await engine.settle();
      active = null;
      await cache.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` passes (polling), or fails with its last error. */
export async function eventually(check: () => Promise<void> | void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * The bootstrap tests' world: a council officer who sees `visibleCases` council cases, and `hiddenCases`
 * fire service cases they may not see. Answers the two agencies, the officer's credentials and the visible case ids.
 */
export async function buildCouncilWorld(server: TestServer, visibleCases: number, hiddenCases: number): Promise<{
  council: string; fire: string; officer: { username: string; password: string }; visible: Set<string>;
}> {
  const council = await buildAgency(server.db, { name: 'Riverton Council' });
  const fire = await buildAgency(server.db, { name: 'Fire Service', kind: 'fire' });
  const officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
  const visible = new Set<string>();
  for (let i = 0; i < visibleCases; i += 1) {
    visible.add((await buildCase(server.db, { ownerAgencyId: council, title: `Council case ${i}` })).id);
  }
  for (let i = 0; i < hiddenCases; i += 1) {
    await buildCase(server.db, { ownerAgencyId: fire, title: `Fire only case ${i}` });
  }
  return { council, fire, officer, visible };
}
