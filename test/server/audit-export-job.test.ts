import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERASED_EXPORT_REASON } from '../../server/audit-exports/erased-export-files.ts';
import { newId } from '../../domain/ids.ts';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import type { AuthUser } from '../../server/auth/auth-user.ts';
import { createExportJobs } from '../../server/audit-exports/export-jobs.ts';
import { runAuditExport, type AuditExportJobEnv, type AuditExportJobSpec } from '../../server/audit-exports/run-audit-export.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const T = '2026-12-01T09:00:00.000Z';

describe.each(testDialects())('an audit export job on %s', (dialect) => {
  let server: TestServer;
  let user: AuthUser;
  let spec: AuditExportJobSpec;

  const filesOf = (id: string) => {
    const dir = join(server.database.dataDir, 'audit-exports');
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.includes(id)) : [];
  };
  const env = (extra: Partial<AuditExportJobEnv> = {}): AuditExportJobEnv =>
    ({ db: server.db, dataDir: server.database.dataDir, now: () => new Date(T), checkpoints: server.ctx.auditCheckpoints, pageRows: 2, progressEveryMs: 0, ...extra });
  const rowOf = (id: string) => server.db.selectFrom('audit_exports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const agencyId = await buildAgency(server.db);
    const officer = await buildUser(server.db, { agencyId, role: 'data_officer' });
    user = { id: officer.id, username: officer.username, displayName: 'Officer', role: 'data_officer', agencyId, agencyName: 'A', teamIds: [] };
    for (let i = 0; i < 7; i += 1) {
      await recordAuditNow(server.db, { actor: { userId: officer.id, agencyId, ip: null }, action: 'record.view', outcome: 'success', at: new Date(T) });
    }
  });
  afterAll(() => server.stop());

  beforeEach(async () => {
    const id = newId();
    const head = await server.db.selectFrom('audit_events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
    spec = { id, user, actor: { userId: user.id, agencyId: user.agencyId, ip: null }, format: 'csv', filters: { action: 'record.view' },
      reason: 'A reason long enough', throughSeq: Number(head.seq), createdAt: T };
    await server.db.insertInto('audit_exports').values({
      id, user_id: user.id, agency_id: user.agencyId, format: 'csv', filters: '{}', reason: spec.reason, status: 'running', rows_total: 7,
      through_seq: spec.throughSeq, byte_length: null, sha256: null, created_at: T, finished_at: null,
    }).execute();
  });

  it('writes page by page, recording progress after each, and completes', async () => {
    const progress: number[] = [];
    await runAuditExport(env({ afterPage: async (n) => { progress.push((await rowOf(spec.id)).rows_written); expect(n).toBe(progress.at(-1)); } }),
      spec, new AbortController().signal);
    expect(progress).toEqual([2, 4, 6, 7]);
    expect(await rowOf(spec.id)).toMatchObject({ status: 'complete', rows_written: 7 });
    expect(filesOf(spec.id).sort()).toEqual([`audit-export-${spec.id}.csv`, `audit-export-${spec.id}.manifest.json`, `audit-export-${spec.id}.proofs.json`]);
  });

  it('records one outcome when its proofs cannot be built: the seal, then a single failure, and no file left', async () => {
    const checkpoints = { ...server.ctx.auditCheckpoints, signNow: () => Promise.reject(new Error('signer unavailable')) };
    await runAuditExport(env({ checkpoints }), spec, new AbortController().signal);
    expect(await rowOf(spec.id)).toMatchObject({ status: 'failed' });
    expect(filesOf(spec.id)).toEqual([]);
    const events = await server.db.selectFrom('audit_events').select(['action', 'outcome', 'details']).where('entity_id', '=', spec.id).orderBy('seq').execute();
    expect(events.map((e) => [e.action, e.outcome])).toEqual([['export.seal', 'success'], ['export.finish', 'failure']]);
    expect(JSON.parse(events[1]!.details)).toMatchObject({ status: 'failed', rowsWritten: 7 });
  });

    it('stops at the next page once its row is cancelled (from any node), removes the partial file and records the cancel', async () => {
    let seenPart = false;
    await runAuditExport(env({
      afterPage: async () => {
        // The file opens asynchronously; wait until the partial file is there.
        for (let i = 0; i < 100 && !filesOf(spec.id).includes(`audit-export-${spec.id}.csv.part`); i += 1) {
          await new Promise((r) => setTimeout(r, 5));
        }
        seenPart ||= filesOf(spec.id).includes(`audit-export-${spec.id}.csv.part`);
        await server.db.updateTable('audit_exports').set({ status: 'cancelled' }).where('id', '=', spec.id).execute();
      },
    }), spec, new AbortController().signal);
    expect(seenPart).toBe(true);
    // The row keeps the last progress recorded; the event counts the rows the removed file had taken.
    expect(await rowOf(spec.id)).toMatchObject({ status: 'cancelled', rows_written: 2 });
    expect(filesOf(spec.id)).toEqual([]);
    const last = await server.db.selectFrom('audit_events').selectAll().where('entity_id', '=', spec.id).executeTakeFirstOrThrow();
    expect([last.action, last.outcome, JSON.parse(last.details)]).toEqual(['export.finish', 'failure', expect.objectContaining({ status: 'cancelled', rowsWritten: 4 })]);
  });

  it('records its later events with the reason its row holds then: a reason an erasure blanked mid-job does not come back', async () => {
    // What server/retention/erase-export-reasons.ts does to a running export whose reason names what it erases.
    await runAuditExport(env({
      afterPage: async () => {
        await server.db.updateTable('audit_exports').set({ status: 'cancelled', reason: ERASED_EXPORT_REASON }).where('id', '=', spec.id).execute();
      },
    }), spec, new AbortController().signal);
    expect(filesOf(spec.id)).toEqual([]);
    const events = await server.db.selectFrom('audit_events').select(['seq', 'action']).where('entity_id', '=', spec.id).execute();
    expect(events.map((e) => e.action)).toEqual(['export.finish']);
    const kept = await server.db.selectFrom('audit_event_values').select('justification').where('seq', '=', events[0]!.seq).execute();
    expect(kept).toEqual([{ justification: ERASED_EXPORT_REASON }]);
  });

  it("stops when this node stops its jobs, leaving the row cancelled rather than running, with no file", async () => {
    let stopping: Promise<void> | undefined;
    const jobs = createExportJobs(env({ afterPage: () => { stopping ??= jobs.stopAll(); return Promise.resolve(); } }));
    jobs.start({ ...spec, format: 'xlsx' });
    await new Promise((r) => setTimeout(r, 0));
    await jobs.stop(spec.id);
    await stopping;
    expect((await rowOf(spec.id)).status).toBe('cancelled');
    expect(filesOf(spec.id)).toEqual([]);
  });
});
