/**
 * The `auditExports.*` channels of the desktop core against a real server: a data officer starts an
 * export with a reason, follows it to completion, and receives the file with its manifest (checked
 * against the manifest's SHA-256); a missing reason is refused before anything is created, a
 * practitioner is refused by the server, and offline each call says exports need a connection.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditExportJob } from '../../domain/audit/audit-export.ts';
import type { AuditExportContent } from '../../domain/ipc/audit-export-channels.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const REASON = 'Quarterly audit review for the DPO';

describe('audit exports from the desktop core', () => {
  let server: TestServer;
  let desktop: TestCore;
  let core: DesktopCore;
  const net = { offline: false };
  let officer: { id: string; username: string; password: string };
  let practitioner: { id: string; username: string; password: string };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const agency = await buildAgency(server.db, { name: 'Riverton Council' });
    officer = await buildUser(server.db, { agencyId: agency, role: 'data_officer', password: 'officer-pass-1' });
    practitioner = await buildUser(server.db, { agencyId: agency, password: 'practitioner-pass-1' });
    desktop = startTestCore(server, 'cb-core-export-', {
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    ({ core } = desktop);
  });
  afterAll(async () => {
    await desktop.stop();
    await server.stop();
  });

  it('refuses a practitioner (the server decides) and a missing reason (before anything is created)', async () => {
    await callCore(core, 'session.signIn', practitioner);
    expect(await core.handle('auditExports.create', { format: 'csv', reason: REASON }))
      .toMatchObject({ ok: false, error: { code: 'authorization_error' } });
    await callCore(core, 'session.signOut', { wipeCache: true, discardUnsent: true });
    await callCore(core, 'session.signIn', officer);
    expect(await core.handle('auditExports.create', { format: 'csv', reason: ' ' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await server.db.selectFrom('audit_exports').select('id').execute()).toEqual([]);
  });

  it('starts an export, follows it to completion and hands over the file with its manifest', async () => {
    let job = await callCore<AuditExportJob>(core, 'auditExports.create', { format: 'csv', reason: REASON, filters: { userId: practitioner.id } });
    for (let i = 0; i < 200 && job.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      job = await callCore<AuditExportJob>(core, 'auditExports.status', { exportId: job.id });
    }
    expect(job.status).toBe('complete');
    const content = await callCore<AuditExportContent>(core, 'auditExports.content', { exportId: job.id });
    const bytes = Buffer.from(content.base64, 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(content.manifest.sha256);
    expect(bytes.toString('utf8').split('\r\n')[0]).toBe('OFFICIAL-SENSITIVE');
    expect(content).toMatchObject({ fileName: `audit-export-${job.id}.csv`, manifestFileName: `audit-export-${job.id}.manifest.json` });
    expect(content.manifest).toMatchObject({ reason: REASON, generatedBy: { userId: officer.id }, filters: { userId: practitioner.id } });
    // The proof file comes with them, matching the manifest and signed against the manifest's checkpoint.
    const proofs = Buffer.from(content.proofs!.base64, 'base64');
    expect(content.proofs!.fileName).toBe(`audit-export-${job.id}.proofs.json`);
    expect(createHash('sha256').update(proofs).digest('hex')).toBe(content.manifest.proofs!.sha256);
    expect(JSON.parse(proofs.toString('utf8'))).toMatchObject({ format: 'casebridge-audit-proof/v1', checkpoint: content.manifest.checkpoint });
  });

  it('says offline that exports are made on the server', async () => {
    net.offline = true;
    try {
      expect(await core.handle('auditExports.create', { format: 'xlsx', reason: REASON })).toEqual({
        ok: false, error: { code: 'network_error', message: 'Audit exports are made on the server: try again when this computer is connected.' },
      });
    } finally {
      net.offline = false;
    }
  });
});
