/**
 * End to end: a data officer's CSV export, made by the real server's job on SQLite and PostgreSQL
 * and saved as its three files (file, manifest, proofs), passes `npm run audit:verify-export` run
 * as a child process with only the verifier key; altering a row, deleting one or swapping the
 * manifest's checkpoint is rejected, naming the first bad entry.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditExportJob, AuditExportManifest } from '../../domain/audit/audit-export.ts';
import { formatVerifierKey } from '../../domain/audit/signed-note.ts';
import { newId } from '../../domain/ids.ts';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { sha256 } from '../../server/audit/sha256.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');
// Text a CSV writer must get right: formulas, quotes, commas, line breaks, non-ASCII.
const AWKWARD = ['=HYPERLINK("http://evil.example")', 'said "no", then left', 'line one\r\nline two', '-12', '@x', 'Zoë — café 😀', 'plain'];

function verifyExport(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, ['server/cli/audit-verify-export.ts', ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.each(testDialects())('verifying a real export offline on %s', (dialect) => {
  let server: TestServer;
  let dir: string;
  let manifest: AuditExportManifest;
  let csv: string;
  let keyArg: string;
  let earlierCheckpoint: string;

  const save = (name: string, content: string) => writeFileSync(join(dir, name), content);

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const agencyId = await buildAgency(server.db);
    const officer = await buildUser(server.db, { agencyId, role: 'data_officer' });
    const practitioner = await buildUser(server.db, { agencyId, role: 'practitioner' });
    for (const [i, text] of AWKWARD.entries()) {
      await recordAuditNow(server.db, {
        actor: { userId: practitioner.id, agencyId, ip: '10.0.0.2' }, action: 'record.view', entityType: 'case', entityId: newId(),
        outcome: 'success', justification: text, details: { note: text }, at: new Date(Date.UTC(2026, 10, 2, 9, i)),
      });
    }
    earlierCheckpoint = (await server.ctx.auditCheckpoints.signNow()).note;
    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: officer.username, password: officer.password } });
    const token = login.json<{ accessToken: string }>().accessToken;
    const get = (url: string) => server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const created = await server.app.inject({
      method: 'POST', url: '/audit/exports', headers: { authorization: `Bearer ${token}` },
      payload: { filters: { action: 'record.view' }, format: 'csv', reason: 'Subject access request 2026/115' },
    });
    let job = created.json<AuditExportJob>();
    for (let i = 0; i < 300 && job.status === 'running'; i += 1) {
      await new Promise((r) => setTimeout(r, 10));
      job = (await get(`/audit/exports/${job.id}`)).json<AuditExportJob>();
    }
    expect(job.status).toBe('complete');
    // What the desktop's save writes: the file, the manifest and the proofs, side by side.
    dir = mkdtempSync(join(tmpdir(), 'cb-export-verify-'));
    manifest = (await get(`/audit/exports/${job.id}/manifest`)).json<AuditExportManifest>();
    csv = (await get(`/audit/exports/${job.id}/file`)).body;
    save(manifest.fileName, csv);
    save(manifest.proofs!.fileName, (await get(`/audit/exports/${job.id}/proofs`)).body);
    save('manifest.json', JSON.stringify(manifest, null, 2));
    const key = server.ctx.auditCheckpoints.verifierKey;
    save('audit.pub', formatVerifierKey(sha256, key.name, key.publicKey));
    keyArg = `@${join(dir, 'audit.pub')}`;
  });
  afterAll(() => server.stop());

  const run = () => verifyExport(['--manifest', join(dir, 'manifest.json'), '--key', keyArg]);
  const rowSeqs = () => csv.split('\r\n').slice(2).filter((l) => /^[0-9]+,/.test(l)).map((l) => Number(l.split(',')[0]));

  it('accepts the export as the server made it', async () => {
    const result = await run();
    expect(result.stdout).toContain(`Export proofs hold: ${AWKWARD.length} events are in the log at checkpoint`);
    expect(result.stdout).toContain(`Export file ${manifest.fileName} holds exactly its ${AWKWARD.length} proven rows, and its manifest matches.`);
    expect(result.code).toBe(0);
  });

  it('rejects a CSV with one row altered, naming its seq and column', async () => {
    const seq = rowSeqs()[2]!;
    const lines = csv.split('\r\n');
    const at = lines.findIndex((l) => l.startsWith(`${seq},`));
    lines[at] = lines[at]!.replace('10.0.0.2', '10.0.0.9');
    save(manifest.fileName, lines.join('\r\n'));
    const result = await run();
    expect(result.stdout).toMatch(new RegExp(`^Export FAILS at event seq ${seq}: row_altered — .* column ip`, 'm'));
    expect(result.code).toBe(1);
    save(manifest.fileName, csv);
  });

  it('rejects a CSV with one row deleted, naming its seq', async () => {
    const seq = rowSeqs()[1]!;
    const lines = csv.split('\r\n');
    save(manifest.fileName, lines.filter((l) => !l.startsWith(`${seq},`)).join('\r\n'));
    const result = await run();
    expect(result.stdout).toMatch(new RegExp(`^Export FAILS at event seq ${seq}: row_missing`, 'm'));
    expect(result.code).toBe(1);
    save(manifest.fileName, csv);
  });

  it('rejects a manifest whose checkpoint was changed, even to another genuine checkpoint', async () => {
    save('manifest.json', JSON.stringify({ ...manifest, checkpoint: earlierCheckpoint }));
    const result = await run();
    expect(result.stdout).toMatch(/^Export FAILS: manifest_mismatch — The manifest's checkpoint/m);
    expect(result.code).toBe(1);
    save('manifest.json', JSON.stringify(manifest, null, 2));
    expect((await run()).code).toBe(0);
  });
});
