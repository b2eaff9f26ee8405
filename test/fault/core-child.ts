/**
 * The desktop core's session and sync engine in a child process the fault suite SIGKILLs: signs in
 * through the fault proxy, carries out the rest of the plan (journalled around each step: a case
 * read from the offline copy, then an enqueue), and syncs until the outbox is empty. Reports its
 * phases as JSON lines on stdout.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { CodedError } from '../../domain/errors.ts';
import { createApiClient } from '../../main/api/api-client.ts';
import { cacheDirFor } from '../../main/cache/document-files.ts';
import { openCache } from '../../main/cache-worker/open-cache.ts';
import { caseViewed } from '../../main/core/audited-read.ts';
import { SessionManager } from '../../main/session/session-manager.ts';
import { SyncEngine } from '../../main/sync/sync-engine.ts';
import { SyncStatusTracker } from '../../main/sync/sync-status-tracker.ts';
import { createSyncedCache } from '../../main/sync/synced-cache.ts';
import { appendJournal, readJournal } from './fault-journal.ts';
import type { PlanStep, PlanWorld } from './fault-plan.ts';
import { resolveStep } from './fault-plan.ts';
import { createFileSecretStore } from './file-secret-store.ts';

/** What the parent passes in FAULT_CHILD_CONFIG. */
export interface ChildConfig {
  serverUrl: string;
  dataDir: string;
  secretsFile: string;
  journalFile: string;
  username: string;
  password: string;
  launch: number;
  plan: PlanStep[];
  world: PlanWorld;
  /** Pause between local changes, upper bound in ms. */
  maxPauseMs: number;
}

const started = Date.now();
const say = (message: Record<string, unknown>) => process.stdout.write(`${JSON.stringify({ ...message, ms: Date.now() - started })}\n`);

async function main(config: ChildConfig): Promise<void> {
  const api = createApiClient({ baseUrl: config.serverUrl, timeoutMs: 5000, retry: { baseDelayMs: 30, maxDelayMs: 300 } });
  const session = new SessionManager({
    api, secrets: createFileSecretStore(config.secretsFile), serverUrl: config.serverUrl, dataDir: config.dataDir,
    // Offline sign-in off: a restart must sign in online, as this suite expects; an offline sign-in would
    // refresh at once, and a refresh answer the proxy loses makes the next refresh a reuse that ends the session.
    now: () => Date.now(), settings: { offlineLeaseHours: 72, offlineAllowed: false },
    openCache: async (target) => createSyncedCache(await openCache(target), cacheDirFor(target.file), target.keyHex),
  });
  const status = new SyncStatusTracker();
  let phase = '';
  status.subscribe((s) => {
    if (s.phase !== phase) {
      phase = s.phase;
      say({ t: 'phase', phase });
    }
  });
  // No serverUrl: the poke socket stays off; this process drives syncs itself.
  const engine = new SyncEngine(session, api, status, () => new Date(), { storeFor: (active) => active.cache.outbox });

  await retry('sign-in', () => session.signIn(config.username, config.password));
  say({ t: 'signed-in' });
  await syncUntilClean(engine, false);

  const entries = readJournal(config.journalFile);
  for (let i = entries.length; i < config.plan.length; i += 1) {
    const change = resolveStep(config.plan[i]!, i, readJournal(config.journalFile), config.world);
    appendJournal(config.journalFile, { k: 'intent', i, launch: config.launch, change });
    say({ t: 'enqueue', i });
    // Recorded as the core records a case view, inside the step, so `done` also means the read is in the audit outbox.
    const active = session.require();
    await active.cache.auditOutbox.record(active.user.id, caseViewed(config.world.caseIds[i % config.world.caseIds.length]!));
    const mutationId = await engine.enqueue(change);
    appendJournal(config.journalFile, { k: 'done', i, mutationId });
    await sleep(Math.floor(Math.random() * config.maxPauseMs));
  }
  const final = await syncUntilClean(engine, true);
  say({ t: 'done', status: final });
  engine.stop();
  await engine.settle();
  await session.active?.cache.close();
}

/** Syncs until a run succeeds (and, when `drain`, the outbox is empty). */
async function syncUntilClean(engine: SyncEngine, drain: boolean) {
  for (let attempt = 1; attempt <= 300; attempt += 1) {
    const status = await engine.syncNow();
    if (status.lastError === null && (!drain || status.pendingChanges === 0)) {
      return status;
    }
    await sleep(20);
  }
  throw new Error('sync never succeeded');
}

async function retry<T>(what: string, run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      const code = error instanceof CodedError ? error.code : 'unexpected';
      if (!['network_error', 'server_unavailable', 'rate_limited', 'internal_error'].includes(code) || attempt >= 40) {
        throw error;
      }
      say({ t: 'retry', what, code, message: error instanceof Error ? error.message.slice(0, 200) : String(error) });
      await sleep(code === 'rate_limited' ? 2000 : 30);
    }
  }
}

const raw = process.env.FAULT_CHILD_CONFIG;
if (raw === undefined) {
  throw new Error('FAULT_CHILD_CONFIG is not set.');
}
main(JSON.parse(raw) as ChildConfig).then(
  () => process.exit(0),
  (error: unknown) => {
    say({ t: 'error', message: error instanceof Error ? `${error.name}: ${error.message}` : String(error) });
    process.exit(1);
  },
);
