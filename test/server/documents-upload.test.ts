import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blobPath } from '../../server/documents/blob-store.ts';
import { MAX_DOCUMENT_BYTES } from '../../server/documents/receive-upload.ts';
import { multipart } from '../support/document-upload.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { filesUnder } from '../support/raw-bytes.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from('synthetic test document, no real data\n%%EOF\n')]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64), Buffer.from('This program cannot be run in DOS mode')]);

describe.each(testDialects())('document upload and download on %s', (dialect) => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let sharedCase: string;
  let teamCase: string;
  let blobDir: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const db = server.db;
    const police = await buildAgency(db, { name: 'Police', kind: 'police', code: 'POL' });
    const council = await buildAgency(db, { name: 'Council', code: 'COU' });
    const team = await buildTeam(db, police, 'Public Protection');
    const pc = await buildUser(db, { agencyId: police, teamIds: [team] });
    const officer = await buildUser(db, { agencyId: council });
    sharedCase = (await buildCase(db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] })).id;
    teamCase = (await buildCase(db, { ownerAgencyId: police, ownerTeamId: team, sharingLevel: 'owner_team' })).id;
    for (const [name, u] of Object.entries({ pc, officer })) {
      const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: u.username, password: u.password } });
      tokens[name] = res.json<{ accessToken: string }>().accessToken;
    }
    blobDir = join(server.ctx.config.dataDir, 'blobs');
  });
  afterAll(() => server.stop());

  const upload = (token: string, caseId: string, fields: Record<string, string>, file: { name: string; type: string; content: Buffer } | null) => {
    const body = multipart(fields, file);
    return server.app.inject({ method: 'POST', url: `/cases/${caseId}/documents`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${token}` } });
  };
  const get = (token: string, url: string) => server.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  const documentCount = async () => Number((await server.db.selectFrom('documents').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  const storedFiles = () => filesUnder(blobDir);

  it('stores a PDF with its SHA-256 and serves the same bytes back as an attachment, audited both ways', async () => {
    const res = await upload(tokens.pc!, sharedCase, {}, { name: 'Visit notes.pdf', type: 'application/pdf', content: PDF });
    expect(res.statusCode).toBe(201);
    const doc = res.json<{ id: string; sha256: string; sizeBytes: number; fileName: string; sharingLevel: string; abilities: { delete: boolean } }>();
    expect(doc.sha256).toBe(createHash('sha256').update(PDF).digest('hex'));
    expect(doc).toMatchObject({ sizeBytes: PDF.length, fileName: 'Visit notes.pdf', sharingLevel: 'parent', abilities: { delete: true } });

    const meta = await get(tokens.officer!, `/documents/${doc.id}`);
    expect(meta.statusCode).toBe(200);
    expect(meta.json<{ abilities: { delete: boolean } }>().abilities.delete).toBe(false);

    const content = await get(tokens.officer!, `/documents/${doc.id}/content`);
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.equals(PDF)).toBe(true);
    expect(content.headers['content-type']).toBe('application/pdf');
    expect(content.headers['content-disposition']).toBe(`attachment; filename="Visit notes.pdf"; filename*=UTF-8''Visit%20notes.pdf`);
    expect(content.headers['x-content-type-options']).toBe('nosniff');

    const actions = await server.db.selectFrom('audit_events').select('action').where('entity_id', '=', doc.id).orderBy('seq').execute();
    expect(actions.map((a) => a.action)).toEqual(['document.upload', 'record.view', 'document.download']);
    const change = await server.db.selectFrom('change_log').select(['op', 'case_id']).where('entity', '=', 'document').where('entity_id', '=', doc.id).execute();
    expect(change).toEqual([{ op: 'upsert', case_id: sharedCase }]);
  });

  it('refuses a .pdf whose bytes are an executable, keeping no row and no file', async () => {
    const before = await documentCount();
    const res = await upload(tokens.pc!, sharedCase, {}, { name: 'invoice.pdf', type: 'application/pdf', content: EXE });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string; message: string } }>().error).toEqual({ code: 'validation_error', message: 'The file content does not match its declared type.' });
    expect(await documentCount()).toBe(before);
    expect(storedFiles()).toHaveLength(before);
  });

  it('refuses a document shared more widely than its case at upload, keeping no row and no file; the case team is fine', async () => {
    const before = await documentCount();
    const pdf = { name: 'Plan.pdf', type: 'application/pdf', content: PDF };
    for (const fields of [{ sharingLevel: 'owner_agency' }, { sharingLevel: 'shared', shares: JSON.stringify({ agencyIds: [], teamIds: [], userIds: [] }) }]) {
      const res = await upload(tokens.pc!, teamCase, fields, pdf);
      expect(res.statusCode, fields.sharingLevel).toBe(400);
      expect(res.json<{ error: { code: string; message: string } }>().error.message, fields.sharingLevel).toContain('more widely than its case');
    }
    expect(await documentCount()).toBe(before);
    expect(storedFiles()).toHaveLength(before);
    expect((await upload(tokens.pc!, teamCase, { sharingLevel: 'owner_team' }, pdf)).statusCode).toBe(201);
    expect(await documentCount()).toBe(before + 1);
  });

  it('refuses types off the allow-list, and an extension that does not fit the declared type', async () => {
    const exe = await upload(tokens.pc!, sharedCase, {}, { name: 'setup.exe', type: 'application/x-msdownload', content: EXE });
    expect(exe.statusCode).toBe(400);
    const renamed = await upload(tokens.pc!, sharedCase, {}, { name: 'notes.exe', type: 'application/pdf', content: PDF });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json<{ error: { message: string } }>().error.message).toMatch(/must end in \.pdf/);
    const binaryText = await upload(tokens.pc!, sharedCase, {}, { name: 'notes.txt', type: 'text/plain', content: EXE });
    expect(binaryText.statusCode).toBe(400);
  });

  it('refuses a file over the size limit with payload_too_large, leaving no row and no blob behind', async () => {
    const before = await documentCount();
    const filesBefore = storedFiles().length;
    const big = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(MAX_DOCUMENT_BYTES, 0x20)]);
    const res = await upload(tokens.pc!, sharedCase, {}, { name: 'big.pdf', type: 'application/pdf', content: big });
    expect(res.statusCode).toBe(413);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('payload_too_large');
    expect(await documentCount()).toBe(before);
    expect(storedFiles()).toHaveLength(filesBefore);
  });

  it('stores a path-traversal file name as a plain, sanitised label and the blob under a random key', async () => {
    const res = await upload(tokens.pc!, sharedCase, {}, { name: '..\\..\\..\\Windows\\evil\u202Etxt.bat..txt', type: 'text/plain', content: Buffer.from('synthetic note\n') });
    expect(res.statusCode).toBe(201);
    const doc = res.json<{ id: string; fileName: string }>();
    expect(doc.fileName).toBe('eviltxt.bat.txt');
    const row = await server.db.selectFrom('documents').select(['file_name', 'storage_key']).where('id', '=', doc.id).executeTakeFirstOrThrow();
    expect(row.file_name).toBe('eviltxt.bat.txt');
    expect(row.storage_key).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(blobPath(server.ctx.config.dataDir, row.storage_key), 'utf8')).toBe('synthetic note\n');
  });

  it('refuses an upload to a case the caller cannot see with not_found, before storing anything', async () => {
    const hidden = (await buildCase(server.db, { ownerAgencyId: (await server.db.selectFrom('agencies').select('id').where('code', '=', 'POL').executeTakeFirstOrThrow()).id })).id;
    const filesBefore = storedFiles().length;
    const res = await upload(tokens.officer!, hidden, {}, { name: 'a.pdf', type: 'application/pdf', content: PDF });
    expect(res.statusCode).toBe(404);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('not_found');
    expect(storedFiles()).toHaveLength(filesBefore);
  });

  it('refuses to serve a blob that was altered on disk, and audits the failure', async () => {
    const doc = (await upload(tokens.pc!, sharedCase, {}, { name: 'plan.pdf', type: 'application/pdf', content: PDF })).json<{ id: string }>();
    const row = await server.db.selectFrom('documents').select('storage_key').where('id', '=', doc.id).executeTakeFirstOrThrow();
    const path = blobPath(server.ctx.config.dataDir, row.storage_key);
    writeFileSync(path, Buffer.concat([PDF.subarray(0, 10), Buffer.from('X'), PDF.subarray(11)]));
    const res = await get(tokens.pc!, `/documents/${doc.id}/content`);
    expect(res.statusCode).toBe(500);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('internal_error');
    expect(res.body).not.toContain('synthetic');
    const audit = await server.db.selectFrom('audit_events').select(['action', 'outcome']).where('entity_id', '=', doc.id).orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(audit).toEqual({ action: 'document.download', outcome: 'failure' });
  });

  it('lets the uploader delete a document (blob removed, delete change, metadata-only audit) but not a partner', async () => {
    const doc = (await upload(tokens.officer!, sharedCase, {}, { name: 'Council letter.pdf', type: 'application/pdf', content: PDF })).json<{ id: string }>();
    const row = await server.db.selectFrom('documents').select('storage_key').where('id', '=', doc.id).executeTakeFirstOrThrow();
    const refused = await server.app.inject({ method: 'DELETE', url: `/documents/${doc.id}`, headers: { authorization: `Bearer ${tokens.pc}` } });
    expect(refused.statusCode).toBe(403);
    const res = await server.app.inject({ method: 'DELETE', url: `/documents/${doc.id}`, headers: { authorization: `Bearer ${tokens.officer}` } });
    expect(res.statusCode).toBe(200);
    expect(storedFiles()).not.toContain(blobPath(server.ctx.config.dataDir, row.storage_key));
    expect((await get(tokens.officer!, `/documents/${doc.id}`)).statusCode).toBe(404);
    const ops = await server.db.selectFrom('change_log').select('op').where('entity_id', '=', doc.id).orderBy('seq').execute();
    expect(ops.map((o) => o.op)).toEqual(['upsert', 'delete']);
    const audit = await server.db.selectFrom('audit_events').select(['action', 'details']).where('entity_id', '=', doc.id).where('action', '=', 'record.delete').executeTakeFirstOrThrow();
    expect(audit.details).not.toContain('Council letter');
  });
});
