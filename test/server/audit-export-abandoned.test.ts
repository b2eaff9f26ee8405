/**
 * Crashed export jobs: a server starting up fails the jobs a dead node left `running` with no
 * heartbeat for longer than the timeout, removes their partial files and records why; a job whose
 * node is still beating is left alone. Migration 0018 adds the heartbeat, N-1 → N.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { ABANDONED_AFTER_MS } from '../../server/audit-exports/fail-abandoned-exports.ts';
import { ERASED_EXPORT_REASON } from '../../server/audit-exports/erased-export-files.ts';
import { exportPaths } from '../../server/audit-exports/export-files.ts';
import { startServer } from '../../server/start-server.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms).toISOString();

describe.each(testDialects())('abandoned export jobs on %s', (dialect) => {
  let server: TestServer;
  let userId: string;
  let agencyId: string;

  const job = (heartbeatAt: string | null, createdAt: string) => ({
    id: newId(), user_id: userId, agency_id: agencyId, format: 'csv' as const, filters: '{}', reason: 'A reason long enough',
    status: 'running' as const, rows_written: 4000, through_seq: 1, byte_length: null, sha256: null, created_at: createdAt,
    finished_at: null, heartbeat_at: heartbeatAt,
  });

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => NOW });
    agencyId = await buildAgency(server.db);
    userId = (await buildUser(server.db, { agencyId, role: 'data_officer' })).id;
  });
  afterAll(() => server.stop());

  it('fails, cleans up and audits only the jobs whose node stopped beating', async () => {
    const dead = job(ago(ABANDONED_AFTER_MS + 1000), ago(3_600_000));
    const neverBeat = job(null, ago(ABANDONED_AFTER_MS + 1000));
    const alive = job(ago(5000), ago(3_600_000));
    await server.db.insertInto('audit_exports').values([dead, neverBeat, alive]).execute();
    const part = (id: string) => exportPaths(server.database.dataDir, id, 'csv').part;
    mkdirSync(join(server.database.dataDir, 'audit-exports'), { recursive: true });
    for (const j of [dead, neverBeat, alive]) {
      writeFileSync(part(j.id), 'OFFICIAL-SENSITIVE\r\n');
    }

    // Another node starting on the same database (the first is still running).
    const second = await startServer({ ...server.ctx.config, port: 0 }, { logger: false, now: () => NOW });
    await second.close();

    const rows = await server.db.selectFrom('audit_exports').select(['id', 'status', 'finished_at']).where('id', 'in', [dead.id, neverBeat.id, alive.id]).execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(dead.id)).toMatchObject({ status: 'failed', finished_at: NOW.toISOString() });
    expect(byId.get(neverBeat.id)).toMatchObject({ status: 'failed' });
    expect(byId.get(alive.id)).toMatchObject({ status: 'running', finished_at: null });
    expect(existsSync(part(dead.id))).toBe(false);
    expect(existsSync(part(neverBeat.id))).toBe(false);
    expect(existsSync(part(alive.id))).toBe(true);
    const events = await server.db.selectFrom('audit_events').selectAll().where('action', '=', 'export.finish').where('entity_id', 'in', [dead.id, neverBeat.id, alive.id]).execute();
    expect(events.map((e) => [e.entity_id, e.outcome, e.user_id]).sort()).toEqual([[dead.id, 'failure', userId], [neverBeat.id, 'failure', userId]].sort());
    expect(JSON.parse(events.find((e) => e.entity_id === dead.id)!.details)).toMatchObject({ status: 'failed', problem: 'abandoned', rowsWritten: 4000, lastHeartbeat: dead.heartbeat_at });
  });

  it('removes again the files of exports whose reason an erasure blanked, should a server have stopped before removing them', async () => {
    const finished = (reason: string, status: 'removed' | 'complete') => ({ ...job(ago(1000), ago(3_600_000)), reason, status, finished_at: ago(500) });
    const erased = finished(ERASED_EXPORT_REASON, 'removed');
    const kept = finished('Quarterly audit of refusals', 'complete');
    await server.db.insertInto('audit_exports').values([erased, kept]).execute();
    const filesOf = (id: string) => {
      const p = exportPaths(server.database.dataDir, id, 'csv');
      return [p.file, p.manifest, p.proofs];
    };
    for (const f of [...filesOf(erased.id), ...filesOf(kept.id)]) {
      writeFileSync(f, 'OFFICIAL-SENSITIVE\r\n');
    }
    const second = await startServer({ ...server.ctx.config, port: 0 }, { logger: false, now: () => NOW });
    await second.close();
    expect(filesOf(erased.id).filter((f) => existsSync(f))).toEqual([]);
    expect(filesOf(kept.id).filter((f) => existsSync(f))).toEqual(filesOf(kept.id));
  });
});

describe.each(testDialects())('migration 0018_audit_export_heartbeat on %s', (dialect) => {
  const m = useServerMigration(dialect, '0017_audit_exports');

  it('adds a null heartbeat to existing jobs, and drops it again going down', async () => {
    const agency = await buildAgency(m.db);
    const user = (await buildUser(m.db, { agencyId: agency, role: 'data_officer' })).id;
    const row = { id: newId(), user_id: user, agency_id: agency, format: 'csv' as const, filters: '{}', reason: 'A reason long enough',
      status: 'running' as const, through_seq: 1, byte_length: null, sha256: null, created_at: NOW.toISOString(), finished_at: null };
    await m.db.insertInto('audit_exports').values(row).execute();
    await m.migrateTo('0018_audit_export_heartbeat');
    expect(await m.db.selectFrom('audit_exports').select(['id', 'heartbeat_at']).executeTakeFirstOrThrow()).toEqual({ id: row.id, heartbeat_at: null });
    await m.migrateTo('0017_audit_exports');
    const columns = (await m.db.introspection.getTables()).find((t) => t.name === 'audit_exports')!.columns.map((c) => c.name);
    expect(columns).not.toContain('heartbeat_at');
    expect(columns).toContain('status');
  });
});
