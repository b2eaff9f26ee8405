import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkpointTreeSize, type AuditExportJob, type AuditExportManifest } from '../../domain/audit/audit-export.ts';
import { newId } from '../../domain/ids.ts';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { auditJustification } from '../support/audit-details.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { readZip } from '../support/read-zip.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const REASON = 'Subject access request 2026/114 from the police';
const RISKY = ['=HYPERLINK("http://evil.example","open")', '+1+2', '-3+4', '@SUM(1)', '\t=1+1'];

describe.each(testDialects())('audit exports on %s', (dialect) => {
  let server: TestServer;
  let agencyA: string;
  let agencyB: string;
  let officer: { id: string; token: string };
  let colleague: { id: string; token: string };
  let practitioner: { id: string; token: string };

  const call = (method: 'GET' | 'POST' | 'DELETE', url: string, token: string, payload?: unknown) =>
    server.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const signIn = async (agencyId: string, role: 'data_officer' | 'practitioner') => {
    const user = await buildUser(server.db, { agencyId, role });
    const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password } });
    return { id: user.id, token: res.json<{ accessToken: string }>().accessToken };
  };
  const eventsOf = (userId: string) => server.db.selectFrom('audit_events').selectAll().where('user_id', '=', userId).orderBy('seq').execute();
  const exportFiles = () => {
    const dir = join(server.database.dataDir, 'audit-exports');
    return existsSync(dir) ? readdirSync(dir) : [];
  };

  /** Starts an export and polls it until it is no longer running. */
  const runExport = async (body: object, token = officer.token): Promise<AuditExportJob> => {
    const created = await call('POST', '/audit/exports', token, body);
    expect(created.statusCode, created.body).toBe(200);
    let job = created.json<AuditExportJob>();
    for (let i = 0; i < 200 && job.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      job = (await call('GET', `/audit/exports/${job.id}`, token)).json<AuditExportJob>();
    }
    return job;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    agencyA = await buildAgency(server.db);
    agencyB = await buildAgency(server.db);
    officer = await signIn(agencyA, 'data_officer');
    colleague = await signIn(agencyA, 'data_officer');
    practitioner = await signIn(agencyA, 'practitioner');
    const outsider = await buildUser(server.db, { agencyId: agencyB, role: 'practitioner' });
    // An erasure's reason is kept in the hashed event as written (a justification about a case or
    // person is sealed: docs/audit.md), so the risky text reaches the justification column.
    for (const [i, text] of RISKY.entries()) {
      await recordAuditNow(server.db, {
        actor: { userId: practitioner.id, agencyId: agencyA, ip: '10.0.0.2' }, action: 'record.erase', entityType: 'case',
        entityId: newId(), outcome: 'success', justification: text, details: { note: text }, at: new Date(Date.UTC(2026, 10, 2, 9, i)),
      });
    }
    await recordAuditNow(server.db, {
      actor: { userId: outsider.id, agencyId: agencyB, ip: '10.0.0.3' }, action: 'record.erase', entityType: 'case', entityId: newId(),
      outcome: 'success', justification: 'other agency', at: new Date(Date.UTC(2026, 10, 2, 10)),
    });
  });
  afterAll(() => server.stop());

  it("writes a CSV of the officer's agency's filtered events, marked, with formula-looking cells kept as text", async () => {
    const job = await runExport({ filters: { action: 'record.erase' }, format: 'csv', reason: REASON });
    expect(job).toMatchObject({ status: 'complete', rowsTotal: RISKY.length, rowsWritten: RISKY.length });
    const file = await call('GET', `/audit/exports/${job.id}/file`, officer.token);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = file.body.split('\r\n');
    expect(lines[0]).toBe('OFFICIAL-SENSITIVE');
    expect(lines[1]).toBe('seq,id,at,userId,agencyId,teamId,deviceId,ip,action,category,entityType,entityId,outcome,justification,details,hash');
    expect(lines.slice(2).filter((l) => l !== '')).toHaveLength(RISKY.length);
    expect(file.body).not.toContain('other agency');
    // csv-stringify's escape_formulas prefixes a quote, so no cell starts with a formula character.
    expect(file.body).toContain(`,"'=HYPERLINK(""http://evil.example"",""open"")",`);
    expect(file.body).toContain(",'+1+2,");
    expect(file.body).toContain(",'-3+4,");
    expect(file.body).toContain(",'@SUM(1),");
    expect(file.body).toContain(",'\t=1+1,");
    const cells = lines.slice(2).flatMap((l) => l.split(','));
    expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual([]);
  });

  it('writes an XLSX whose sheet is named with the marking, and whose cells are all text or numbers, never formulas', async () => {
    const job = await runExport({ filters: { action: 'record.erase' }, format: 'xlsx', reason: REASON });
    expect(job.status).toBe('complete');
    const file = await call('GET', `/audit/exports/${job.id}/file`, officer.token);
    expect(file.statusCode).toBe(200);
    const parts = readZip(file.rawPayload);
    expect(parts.get('xl/workbook.xml')!.toString()).toContain('<sheet name="OFFICIAL-SENSITIVE"');
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheet).toContain('<row r="1"><c t="inlineStr"><is><t>OFFICIAL-SENSITIVE</t></is></c></row>');
    expect(sheet.match(/<row /g)).toHaveLength(RISKY.length + 2);
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet).toContain('<t>=HYPERLINK(&quot;http://evil.example&quot;,&quot;open&quot;)</t>');
    expect(sheet).toContain('<t>+1+2</t>');
    expect(sheet).not.toContain('other agency');
  });

  it('gives a manifest whose SHA-256 and size match the file, served and written next to it', async () => {
    const filters = { userId: practitioner.id, action: 'record.erase' };
    const job = await runExport({ filters, format: 'csv', reason: REASON });
    const manifest = (await call('GET', `/audit/exports/${job.id}/manifest`, officer.token)).json<AuditExportManifest>();
    expect(manifest).toEqual(job.manifest);
    const file = await call('GET', `/audit/exports/${job.id}/file`, officer.token);
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(manifest.sha256);
    expect(file.headers['x-export-sha256']).toBe(manifest.sha256);
    expect(manifest).toMatchObject({
      manifestVersion: 1, exportId: job.id, marking: 'OFFICIAL-SENSITIVE', format: 'csv', filters,
      rowCount: RISKY.length, byteLength: file.rawPayload.length, reason: REASON, generatedBy: { userId: officer.id, agencyId: agencyA },
    });
    // The checkpoint covers the export's own event, and the proofs are served with the SHA-256 the manifest gives.
    expect(checkpointTreeSize(manifest.checkpoint)).toBeGreaterThanOrEqual(manifest.exportEventSeq!);
    const proofs = await call('GET', `/audit/exports/${job.id}/proofs`, officer.token);
    expect(proofs.statusCode).toBe(200);
    expect(createHash('sha256').update(proofs.rawPayload).digest('hex')).toBe(manifest.proofs!.sha256);
    expect(proofs.json<{ checkpoint: string; events: unknown[] }>()).toMatchObject({ checkpoint: manifest.checkpoint, events: expect.any(Array) as unknown });
    expect(manifest.proofs!.fileName).toBe(`audit-export-${job.id}.proofs.json`);
    const onDisk = JSON.parse(readFileSync(join(server.database.dataDir, 'audit-exports', `audit-export-${job.id}.manifest.json`), 'utf8')) as unknown;
    expect(onDisk).toEqual(manifest);
  });

  it('records the export with its reason, filters, format, row count and SHA-256, and the download', async () => {
    const job = await runExport({ filters: { entityType: 'case' }, format: 'xlsx', reason: REASON });
    await call('GET', `/audit/exports/${job.id}/file`, officer.token);
    await call('GET', `/audit/exports/${job.id}/proofs`, officer.token);
    const mine = (await eventsOf(officer.id)).filter((e) => e.entity_id === job.id);
    // The seal fixes the rows before the checkpoint; the job's one outcome follows the proofs.
    // The reason is sealed (a commitment in the hashed event, the text kept apart while nothing erased names it).
    expect(mine.slice(0, 3).map((e) => e.justification)).toEqual(Array.from({ length: 3 }, (): unknown => expect.stringMatching(/^sha256:[0-9a-f]{64}$/)));
    expect(await Promise.all(mine.map(async (e) => [e.action, e.category, e.outcome, await auditJustification(server.db, e)]))).toEqual([
      ['export.create', 'disclosure', 'success', REASON],
      ['export.seal', 'disclosure', 'success', REASON],
      ['export.finish', 'disclosure', 'success', REASON],
      ['export.download', 'disclosure', 'success', null],
      ['export.download', 'disclosure', 'success', null],
    ]);
    expect(JSON.parse(mine[4]!.details)).toMatchObject({ part: 'proofs', sha256: job.manifest!.proofs!.sha256 });
    expect(JSON.parse(mine[0]!.details)).toMatchObject({ format: 'xlsx', filters: { entityType: 'case' }, rowsTotal: RISKY.length });
    expect(JSON.parse(mine[1]!.details)).toMatchObject({
      format: 'xlsx', rowCount: RISKY.length, sha256: job.manifest!.sha256, proof_rows: RISKY.length, proof_seqs_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
    });
    expect(Number(mine[1]!.seq)).toBe(job.manifest!.exportEventSeq);
    expect(JSON.parse(mine[2]!.details)).toMatchObject({ rowCount: RISKY.length, sha256: job.manifest!.sha256, sealSeq: job.manifest!.exportEventSeq, proofsSha256: job.manifest!.proofs!.sha256 });
  });

  it('leaves out events recorded after it started, its own among them', async () => {
    const job = await runExport({ filters: { userId: officer.id }, format: 'csv', reason: REASON });
    const body = (await call('GET', `/audit/exports/${job.id}/file`, officer.token)).body;
    expect(body).not.toContain(job.id);
    expect(job.manifest!.throughSeq).toBeLessThan(Number((await eventsOf(officer.id)).find((e) => e.entity_id === job.id)!.seq));
  });

  it('refuses an export without a real reason with validation_error, creating and recording nothing', async () => {
    const before = (await eventsOf(officer.id)).length;
    const rows = (await server.db.selectFrom('audit_exports').select('id').execute()).length;
    for (const body of [{ format: 'csv' }, { format: 'csv', reason: '   ' }, { format: 'csv', reason: 'because' }, { format: 'docx', reason: REASON },
      { format: 'csv', reason: REASON, filters: { limit: 5 } }]) {
      const res = await call('POST', '/audit/exports', officer.token, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('validation_error');
    }
    expect((await eventsOf(officer.id)).length).toBe(before);
    expect((await server.db.selectFrom('audit_exports').select('id').execute()).length).toBe(rows);
  });

  it('refuses anyone but a data officer, recording the refusal and creating nothing', async () => {
    const rows = (await server.db.selectFrom('audit_exports').select('id').execute()).length;
    const res = await call('POST', '/audit/exports', practitioner.token, { format: 'csv', reason: REASON });
    expect(res.statusCode).toBe(403);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('authorization_error');
    const denied = (await eventsOf(practitioner.id)).at(-1)!;
    expect(denied).toMatchObject({ action: 'export.create', outcome: 'denied', justification: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string });
    expect(await auditJustification(server.db, denied)).toBe(REASON);
    expect((await server.db.selectFrom('audit_exports').select('id').execute()).length).toBe(rows);
  });

  it("holds what the officer's search shows: another agency's filter narrows to its events in the officer's scope", async () => {
    const search = await call('GET', `/audit/events?agencyId=${agencyB}&limit=500`, officer.token);
    expect(search.statusCode).toBe(200);
    const shown = search.json<{ events: unknown[] }>().events.length;
    const job = await runExport({ format: 'csv', reason: REASON, filters: { agencyId: agencyB } });
    expect(job).toMatchObject({ status: 'complete', rowsTotal: shown });
    const file = await call('GET', `/audit/exports/${job.id}/file`, officer.token);
    expect(file.body).not.toContain('other agency');
  });

  it("lets only the creating officer read an export: another data officer of the same agency gets not_found", async () => {
    const job = await runExport({ format: 'csv', reason: REASON });
    for (const path of ['', '/manifest', '/file']) {
      const res = await call('GET', `/audit/exports/${job.id}${path}`, colleague.token);
      expect(res.statusCode, path).toBe(404);
    }
    expect((await call('DELETE', `/audit/exports/${job.id}`, colleague.token)).statusCode).toBe(404);
    expect((await call('GET', `/audit/exports/${job.id}`, practitioner.token)).statusCode).toBe(403);
    expect((await call('GET', `/audit/exports/${job.id}`, officer.token)).json<AuditExportJob>().status).toBe('complete');
  });

  it('removes the file and manifest when the officer deletes an export, and serves neither after', async () => {
    const job = await runExport({ format: 'xlsx', reason: REASON });
    expect(exportFiles()).toEqual(expect.arrayContaining([`audit-export-${job.id}.xlsx`, `audit-export-${job.id}.manifest.json`]));
    const removed = await call('DELETE', `/audit/exports/${job.id}`, officer.token);
    expect(removed.json<AuditExportJob>()).toMatchObject({ status: 'removed', manifest: null });
    expect(exportFiles().filter((f) => f.includes(job.id))).toEqual([]);
    expect((await call('GET', `/audit/exports/${job.id}/file`, officer.token)).statusCode).toBe(409);
    expect((await call('GET', `/audit/exports/${job.id}/manifest`, officer.token)).statusCode).toBe(409);
  });

  it('cancels a running export: whichever moment the cancel lands, no file is left', async () => {
    const created = (await call('POST', '/audit/exports', officer.token, { format: 'csv', reason: REASON })).json<AuditExportJob>();
    const cancelled = (await call('DELETE', `/audit/exports/${created.id}`, officer.token)).json<AuditExportJob>();
    expect(['cancelled', 'removed']).toContain(cancelled.status);
    expect(exportFiles().filter((f) => f.includes(created.id))).toEqual([]);
  });
});
