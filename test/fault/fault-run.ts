/** One randomized fault run: a fresh agency and user, a faulty proxy, a killed-and-restarted core child, then the invariants. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { createApiClient } from '../../main/api/api-client.ts';
import { cacheDirFor } from '../../main/cache/document-files.ts';
import { openEncryptedDb } from '../../main/cache-worker/open-encrypted-db.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { SyncEngine, type SyncSessionSource } from '../../main/sync/sync-engine.ts';
import { SyncStatusTracker } from '../../main/sync/sync-status-tracker.ts';
import { createSyncedCache } from '../../main/sync/synced-cache.ts';
import { seededRandom } from '../../server/seed/seeded-random.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import type { TestServer } from '../support/test-server.ts';
import type { ChildConfig } from './core-child.ts';
import { readJournal } from './fault-journal.ts';
import { cacheView, checkReportedReads, checkServer, serverView } from './fault-invariants.ts';
import { drawPlan } from './fault-plan.ts';
import { startFaultProxy } from './fault-proxy.ts';
import { createFileSecretStore } from './file-secret-store.ts';
import { launchChild, type KillSpec } from './launch-child.ts';

/** What a run did, for the suite's summary. */
export interface RunStats {
  steps: number;
  launches: number;
  kills: Array<KillSpec['trigger']>;
  maybeQueued: number;
  faults: Record<string, number>;
}

const TRIGGERS: Array<KillSpec['trigger']> = ['pushing', 'pushing', 'pulling', 'pulling', 'bootstrapping', 'bootstrapping', 'enqueue', 'signed-in', 'timer'];

/** Runs once with `seed`; throws with the seed, plan, kill schedule, fault schedule and child logs when an invariant breaks. */
export async function runFaultScenario(server: TestServer, childScript: string, index: number, seed: number): Promise<RunStats> {
  const random = seededRandom(seed);
  const agencyId = await buildAgency(server.db, { name: `Fault agency ${seed}`, code: `F${seed}` });
  const user = await buildUser(server.db, { agencyId, username: `fault-${seed}-${index}`, password: 'fault-pass-1' });
  const caseIds: string[] = [];
  for (let c = random.int(1, 3); c > 0; c -= 1) {
    caseIds.push((await buildCase(server.db, { ownerAgencyId: agencyId, title: `Fault case ${seed}/${c}` })).id);
  }
  await buildRunLocations(server, user.id, caseIds[0]!, seed);
  const address = new URL(server.url);
  const proxy = await startFaultProxy({ host: address.hostname, port: Number(address.port) }, random, `127.${1 + Math.floor(index / 250) % 250}.${1 + (index % 250)}.${1 + Math.floor(index / 62_500)}`);
  const runDir = mkdtempSync(join(tmpdir(), 'cb-fault-'));
  const plan = drawPlan(random, random.int(3, 8));
  const kills: KillSpec[] = Array.from({ length: random.int(0, 2) }, () => {
    const trigger = random.pick(TRIGGERS);
    return { trigger, nth: random.int(1, 2), delayMs: trigger === 'timer' ? random.int(100, 1500) : random.int(0, 40) };
  });
  const config: ChildConfig = {
    serverUrl: proxy.url, dataDir: join(runDir, 'data'), secretsFile: join(runDir, 'secrets.json'), journalFile: join(runDir, 'journal.jsonl'),
    username: user.username, password: user.password, launch: 0, plan, world: { tag: `run ${index}`, caseIds, agencyId }, maxPauseMs: 25,
  };
  const logs: string[] = [];
  const stats: RunStats = { steps: plan.length, launches: 0, kills: [], maybeQueued: 0, faults: {} };
  try {
    for (let launch = 1; ; launch += 1) {
      const kill = kills[stats.kills.length] ?? null;
      const outcome = await launchChild(childScript, { ...config, launch }, kill);
      stats.launches = launch;
      logs.push(`== launch ${launch} (kill ${JSON.stringify(kill)}) exit ${outcome.code}${outcome.killed ? ' SIGKILL' : ''}`, ...outcome.log);
      if (outcome.killed && kill) {
        stats.kills.push(kill.trigger);
        continue;
      }
      if (outcome.code !== 0) {
        throw new Error(`child launch ${launch} failed with exit code ${outcome.code}`);
      }
      if (kill && stats.kills.length < kills.length) {
        kills.splice(stats.kills.length, 1); // the trigger never came: that kill did not happen
      }
      break;
    }
    const entries = readJournal(config.journalFile);
    stats.maybeQueued = entries.filter((e) => !e.done).length;
    proxy.faulty = false;
    await finalCleanSyncAndCompare(config, user, caseIds.length);
    await checkServer(server.db, entries, caseIds);
    await checkReportedReads(server.db, entries, user.id);
    for (const event of proxy.events) {
      stats.faults[event.fault] = (stats.faults[event.fault] ?? 0) + 1;
    }
    return stats;
  } catch (error) {
    const schedule = proxy.events.map((e) => `${e.conn}.${e.request}:${e.fault}${e.amount ? `(${e.amount})` : ''}`).join(' ');
    const details = [
      `fault run ${index} failed — reproduce with FAULT_SEED=${seed} FAULT_RUNS=1`,
      `plan: ${JSON.stringify(plan)}`, `kills: ${JSON.stringify(kills)}`, `connections: ${schedule}`,
      `journal: ${JSON.stringify(readJournal(config.journalFile))}`, ...logs.slice(-60),
    ].join('\n');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${details}`, { cause: error });
  } finally {
    await proxy.close();
    rmSync(runDir, { recursive: true, force: true });
  }
}

/** Through the API, as the user records them: an address at the run's first case and one the agency owns at no case (no extra random draws, so seeds replay). */
async function buildRunLocations(server: TestServer, userId: string, caseId: string, seed: number): Promise<void> {
  const { token } = await server.ctx.tokens.signAccess(userId, new Date());
  const post = async (url: string, payload: object) => {
    const res = await server.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, payload });
    if (res.statusCode !== 200) {
      throw new Error(`POST ${url} answered ${res.statusCode}: ${res.body}`);
    }
    return res.json<{ id: string }>().id;
  };
  const home = await post('/locations', { addressLine: `${seed} Fault Street`, town: 'Faultham', postcode: 'FA1 1LT' });
  await post('/locations', { addressLine: `${seed} Depot Lane`, town: 'Faultham', postcode: 'FA2 2LT' });
  await post(`/cases/${caseId}/locations`, { locationId: home, description: 'Where it happens' });
}

/**
 * A fresh start's view: open the same encrypted cache file with its key, sign in through the now
 * clean proxy, run the engine once, and compare the cache with the server. (Not SessionManager:
 * its sign-in starts three cache workers, which from TypeScript source cost a second each here.)
 */
async function finalCleanSyncAndCompare(config: ChildConfig, user: { id: string; username: string; password: string }, caseCount: number): Promise<void> {
  const api = createApiClient({ baseUrl: config.serverUrl });
  const location = cacheLocation(config.dataDir, config.serverUrl, user.id);
  const keyHex = await createFileSecretStore(config.secretsFile).get(location.keyAccount);
  if (keyHex === null) {
    throw new Error('the cache key is gone from the secret store');
  }
  // SQL on this thread is fine in a test; the cache is the same encrypted file the child used.
  const db = new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: openEncryptedDb(location.file, keyHex) }) });
  const cache = await createSyncedCache(db, cacheDirFor(location.file), keyHex);
  try {
    const pair = await api.call('login', { body: { username: user.username, password: user.password } });
    const session: SyncSessionSource = { active: { cache, user: pair.user }, accessToken: () => Promise.resolve(pair.accessToken) };
    const status = await new SyncEngine(session, api, new SyncStatusTracker(), () => new Date(), { storeFor: (a) => a.cache.outbox }).syncNow();
    if (status.lastError !== null || status.pendingChanges !== 0 || status.rejectedCount !== 0 || status.conflictCount !== 0) {
      throw new Error(`the clean sync did not finish clean: ${JSON.stringify(status)}`);
    }
    const local = await cacheView(db);
    const server = await serverView(api, pair.accessToken);
    const tables = (v: typeof server) => [v.cases, v.reports, v.tasks, v.locations, v.caseLocations];
    const same = canonical(tables(local)) === canonical(tables(server));
    // The run's cases (and its two addresses, one linked) are all the user can see: an empty cache equal to an empty view proves nothing.
    if (!same || local.cases.length !== caseCount || local.locations.length !== 2 || local.caseLocations.length !== 1
      || local.outbox.length > 0 || local.conflicts.length > 0) {
      throw new Error(`the cache differs from the server's view:\ncache  ${JSON.stringify(local)}\nserver ${JSON.stringify(server)}`);
    }
  } finally {
    await cache.close();
  }
}

// Rows compared by value, whatever order their columns come in.
function canonical(tables: unknown[][]): string {
  return JSON.stringify(tables.map((rows) => rows.map((row) => Object.entries(row as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))));
}
