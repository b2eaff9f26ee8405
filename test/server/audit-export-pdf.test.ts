/**
 * PDF audit exports on SQLite and PostgreSQL: one file typeset in a worker, OFFICIAL-SENSITIVE at the
 * top and bottom of every page, every row present, markup- and formula-looking text printed literally,
 * a title page with the export's facts, the manifest's SHA-256 over the PDF and proofs that hold; and a
 * search larger than the PDF limit refused with nothing created. Read back with pdftotext and pdfinfo.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PDF_MAX_ROWS, type AuditExportJob } from '../../domain/audit/audit-export.ts';
import { AuditProofBundleSchema } from '../../domain/audit/audit-proof-bundle.ts';
import { verifyProofBundle } from '../../domain/audit/verify-proof-bundle.ts';
import { newId } from '../../domain/ids.ts';
import { verifyEd25519 } from '../../server/audit/ed25519.ts';
import { recordAudit, recordAuditNow } from '../../server/audit/record-audit.ts';
import { sha256 } from '../../server/audit/sha256.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const REASON = 'Subject access request 2026/116 (PDF copy)';
// Typst markup, a formula and HTML: each must be printed exactly as recorded.
const RISKY = ['#eval("1+1") *bold* _it_', '=HYPERLINK("http://evil.example","open")', '@SUM(1) <b>x</b> $x^2$'];

describe.each(testDialects())('PDF audit exports on %s', (dialect) => {
  let server: TestServer;
  let agencyId: string;
  let officer: { id: string; username: string; token: string };
  let practitionerId: string;
  const dir = mkdtempSync(join(tmpdir(), 'cb-audit-pdf-'));

  const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
    server.app.inject({ method, url, headers: { authorization: `Bearer ${officer.token}` }, ...(payload ? { payload } : {}) });
  const exportFiles = () => {
    const folder = join(server.database.dataDir, 'audit-exports');
    return existsSync(folder) ? readdirSync(folder) : [];
  };

  beforeAll(async () => {
    server = await startTestServer(dialect);
    agencyId = await buildAgency(server.db);
    const other = await buildAgency(server.db);
    const user = await buildUser(server.db, { agencyId, role: 'data_officer' });
    practitionerId = (await buildUser(server.db, { agencyId, role: 'practitioner' })).id;
    const outsider = await buildUser(server.db, { agencyId: other, role: 'practitioner' });
    // An erasure's reason stays in the hashed event as written (docs/audit.md), so the risky text is printed.
    for (const [i, text] of RISKY.entries()) {
      await recordAuditNow(server.db, {
        actor: { userId: practitionerId, agencyId, ip: '10.0.0.2' }, action: 'record.erase', entityType: 'case',
        entityId: newId(), outcome: 'success', justification: text, details: { note: text }, at: new Date(Date.UTC(2026, 10, 2, 9, i)),
      });
    }
    await recordAuditNow(server.db, {
      actor: { userId: outsider.id, agencyId: other, ip: '10.0.0.3' }, action: 'record.erase', entityType: 'case', entityId: newId(),
      outcome: 'success', justification: 'another agency entirely', at: new Date(Date.UTC(2026, 10, 2, 10)),
    });
    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password } });
    officer = { id: user.id, username: user.username, token: login.json<{ accessToken: string }>().accessToken };
  });
  afterAll(() => server.stop());

  it('writes one PDF, marked at the top and bottom of every page, each row printed literally, its title page and proofs in order', async () => {
    const created = await call('POST', '/audit/exports', { filters: { action: 'record.erase' }, format: 'pdf', reason: REASON });
    expect(created.statusCode, created.body).toBe(200);
    let job = created.json<AuditExportJob>();
    // The worker starts tsx and Typst: allow it a minute on a busy machine.
    for (let i = 0; i < 600 && job.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await call('GET', `/audit/exports/${job.id}`)).json<AuditExportJob>();
    }
    expect(job).toMatchObject({ status: 'complete', format: 'pdf', rowsTotal: RISKY.length, rowsWritten: RISKY.length });
    const manifest = job.manifest!;
    expect(manifest).toMatchObject({ format: 'pdf', fileName: `audit-export-${job.id}.pdf`, rowCount: RISKY.length, marking: 'OFFICIAL-SENSITIVE' });

    const file = await call('GET', `/audit/exports/${job.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(file.rawPayload).digest('hex')).toBe(manifest.sha256);
    expect(file.rawPayload.length).toBe(manifest.byteLength);
    const pdfFile = join(dir, `${dialect}.pdf`);
    writeFileSync(pdfFile, file.rawPayload);

    const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)![1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(info).toMatch(/^Tagged:\s+yes/m);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    const pageTexts = text.split('\f').filter((p) => p.trim() !== '');
    expect(pageTexts).toHaveLength(pages);
    for (const page of pageTexts) {
      const lines = page.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      expect(lines[0]).toBe('OFFICIAL-SENSITIVE');
      expect(lines.at(-1)).toContain('OFFICIAL-SENSITIVE');
    }

    // Every exported event, and nothing else: its seq heading, its id, and its text exactly as recorded.
    const rows = await server.db.selectFrom('audit_events').select(['seq', 'id', 'justification']).where('user_id', '=', practitionerId).execute();
    expect(text.match(/Event \d+ ·/g)).toHaveLength(RISKY.length);
    for (const row of rows) {
      expect(text).toContain(`Event ${String(row.seq)} ·`);
      expect(text).toContain(`id: ${row.id}`);
      expect(text).toContain(`justification: ${row.justification!}`);
    }
    expect(text).not.toContain('another agency entirely');

    // The title page: filters, count, who, when, why and the checkpoint the export began from.
    const proofs = AuditProofBundleSchema.parse(JSON.parse((await call('GET', `/audit/exports/${job.id}/proofs`)).body));
    const opening = proofs.consistency![0]!.from;
    const openingSize = Number(opening.split('\n')[1]);
    for (const words of ['Audit trail export', 'action: record.erase', `Events ${RISKY.length}`, officer.username, REASON, `${openingSize} events, root ${opening.split('\n')[2]!}`]) {
      expect(pageTexts[0]!.replace(/\s+/g, ' ')).toContain(words);
    }

    // The proofs hold, and show the log still extends the checkpoint printed on the title page.
    const result = verifyProofBundle(proofs, server.ctx.auditCheckpoints.verifierKey, { sha256, verifyEd25519 }, [opening]);
    expect(result).toMatchObject({ ok: true, events: RISKY.length, consistentFrom: [openingSize] });
  });

  // The refusal is the shared count (checked on both dialects above, as rowsTotal); 1,001 events cost seconds on PostgreSQL.
  it.runIf(dialect === 'sqlite')(`refuses a PDF of more than ${AUDIT_PDF_MAX_ROWS} events with validation_error, naming the limit, and creates nothing`, async () => {
    await server.db.transaction().execute(async (trx) => {
      for (let i = 0; i <= AUDIT_PDF_MAX_ROWS; i += 1) {
        await recordAudit(trx, { actor: { userId: practitionerId, agencyId, ip: null }, action: 'record.view', outcome: 'success', at: new Date(Date.UTC(2026, 10, 3)) });
      }
    });
    const files = exportFiles();
    const jobs = await server.db.selectFrom('audit_exports').select('id').execute();
    const events = await server.db.selectFrom('audit_events').select('seq').where('action', '=', 'export.create').execute();
    const refused = await call('POST', '/audit/exports', { filters: { action: 'record.view' }, format: 'pdf', reason: REASON });
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ error: { code: 'validation_error', message: expect.stringContaining('at most 1,000 events') as unknown } });
    expect(await server.db.selectFrom('audit_exports').select('id').execute()).toEqual(jobs);
    expect(await server.db.selectFrom('audit_events').select('seq').where('action', '=', 'export.create').execute()).toEqual(events);
    expect(exportFiles()).toEqual(files);
  });
});
