/**
 * `npm run bench:sync-audit`: how fast the audit trail grows with what sync discloses (docs/audit.md,
 * "Sync"). The real API runs in its own process over the server benchmark's world (100,000 cases
 * with realistic sharing, the benchmark user sees about 10 %); this process bootstraps a desktop
 * through every page, then reads the SQLite file: the bytes of the `record.sync` events and their
 * scope rows, side by side with the bytes of the records the pages carried, per 10,000 records.
 *
 * Environment: BENCH_CASES (100000), BENCH_PAGE (bootstrap anchors per page, 100).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { createTokenService } from '../server/auth/token-service.ts';
import { startChild } from './server-bench/processes.ts';
import { worldCopy } from './server-bench/world-cache.ts';

const TOTAL = Number(process.env.BENCH_CASES ?? 100_000);
const PAGE = Number(process.env.BENCH_PAGE ?? 100);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';

const workDir = mkdtempSync(join(tmpdir(), 'cb-bench-sync-audit-'));
try {
  const copy = await worldCopy(TOTAL, workDir);
  const { world } = copy;
  const api = await startChild('api-child.ts', [copy.file, join(workDir, 'data'), SECRET]);
  let records = 0;
  let recordBytes = 0;
  let pages = 0;
  try {
    const token = (await createTokenService(SECRET, 3600).signAccess(world.userId, new Date(), world.deviceId)).token;
    let position: Record<string, string> = { phase: 'agencies' };
    for (;;) {
      const res = await fetch(`${api.url}/sync/bootstrap?${new URLSearchParams({ limit: String(PAGE), ...position })}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) {
        throw new Error(`bootstrap answered ${res.status}: ${await res.text()}`);
      }
      const page = await res.json() as { snapshot: string; changes: unknown[]; next: { phase: string; after: string | null } | null };
      pages += 1;
      records += page.changes.length;
      recordBytes += Buffer.byteLength(JSON.stringify(page.changes));
      if (!page.next) {
        break;
      }
      position = { snapshot: page.snapshot, phase: page.next.phase, ...(page.next.after ? { after: page.next.after } : {}) };
    }
  } finally {
    await api.stop();
  }
  const db = new Database(copy.file, { readonly: true });
  // Every stored byte of an event row (text columns as stored) and of its scope rows.
  const events = db.prepare(`SELECT count(*) AS n, sum(length(id) + length(at) + coalesce(length(user_id), 0) + coalesce(length(agency_id), 0)
      + coalesce(length(team_id), 0) + coalesce(length(device_id), 0) + coalesce(length(ip), 0) + length(action) + length(category)
      + length(outcome) + length(details) + length(prev_hash) + length(hash) + 8) AS bytes, sum(length(details)) AS details
    FROM audit_events WHERE action = 'record.sync'`).get() as { n: number; bytes: number; details: number };
  const scopes = db.prepare(`SELECT count(*) AS n, sum(length(agency_id) + 8 + coalesce(length(case_id), 0) + coalesce(length(person_id), 0)) AS bytes
    FROM audit_event_scopes WHERE seq IN (SELECT seq FROM audit_events WHERE action = 'record.sync')`).get() as { n: number; bytes: number };
  db.close();
  const per10k = (bytes: number) => `${((bytes / records) * 10_000 / 1024).toFixed(0)} KiB`;
  console.log(`${world.total} cases; the benchmark user bootstrapped ${records} records in ${pages} pages of up to ${PAGE} anchors.`);
  console.table([
    { what: 'records delivered (JSON as sent)', 'per 10,000 records': per10k(recordBytes), rows: records },
    { what: 'record.sync events (stored columns)', 'per 10,000 records': per10k(events.bytes), rows: events.n },
    { what: '  of which details (ids, counts, position)', 'per 10,000 records': per10k(events.details), rows: events.n },
    { what: 'their audit_event_scopes rows', 'per 10,000 records': per10k(scopes.bytes), rows: scopes.n },
  ]);
  console.log(`Trail growth ÷ data disclosed: ${((events.bytes + scopes.bytes) / recordBytes).toFixed(3)} (before indexes and page overhead)`);
} finally {
  rmSync(workDir, { recursive: true, force: true });
}
