/** The documents.content channel of the desktop core: real server, worker-backed encrypted cache, OS keychain. */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuedUpload } from '../../domain/ipc/document-channels.ts';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import type { DocumentContent } from '../../domain/ipc/document-channels.ts';
import { newId } from '../../domain/ids.ts';
import { DEFAULT_POLICY } from '../../main/machine-policy/admin-policy.ts';
import { cacheDirFor, documentPath } from '../../main/cache/document-files.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { signIn } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startCoreWorld, type CoreWorld } from '../support/core-world.ts';
import { uploadDocument } from '../support/document-upload.ts';

const NOTE = Buffer.from('Contact note: Perpetua Langridge moved to Hollowmere Lane; do not disclose.\n');
const LETTER = Buffer.from('%PDF-1.7\nSynthetic letter to Hollowmere Lane, no real data\n%%EOF\n');

describe('the documents.content channel of the desktop core', () => {
  let world: CoreWorld;
  let cacheDir = '';
  const ids = { note: '', letter: '' };

  const content = (documentId: string) => world.core.handle('documents.content', { documentId });
  const bytesOf = (answer: DocumentContent) => Buffer.from(answer.base64, 'base64');

  beforeAll(async () => {
    world = await startCoreWorld({ password: 'document-pass-1', caseTitle: 'Hollowmere Lane harassment', dataDirPrefix: 'cb-core-docs-' });
    const caseId = (await world.server.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
    const token = await signIn(world.server, world.officer.username, world.officer.password);
    ids.note = (await uploadDocument(world.server, token, caseId, { name: 'Contact note.txt', type: 'text/plain', content: NOTE })).id;
    ids.letter = (await uploadDocument(world.server, token, caseId, { name: 'Letter.pdf', type: 'application/pdf', content: LETTER })).id;
    cacheDir = cacheDirFor(cacheLocation(world.dataDir, world.server.url, world.officer.id).file);
  });
  afterAll(() => world.stop());

  it('needs a session, then answers a synced document from its sealed offline copy, byte for byte', async () => {
    expect(await content(ids.note)).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
    await callCore(world.core, 'session.signIn', world.officer);
    await callCore(world.core, 'sync.now', null);
    expect(existsSync(documentPath(cacheDir, ids.note))).toBe(true);
    expect(readFileSync(documentPath(cacheDir, ids.note)).includes(Buffer.from('Hollowmere'))).toBe(false);

    const note = await callCore<DocumentContent>(world.core, 'documents.content', { documentId: ids.note });
    expect(note).toMatchObject({ documentId: ids.note, fileName: 'Contact note.txt', contentType: 'text/plain', sizeBytes: NOTE.length });
    expect(bytesOf(note).equals(NOTE)).toBe(true);
    const letter = await callCore<DocumentContent>(world.core, 'documents.content', { documentId: ids.letter });
    expect(letter).toMatchObject({ fileName: 'Letter.pdf', contentType: 'application/pdf' });
    expect(bytesOf(letter).equals(LETTER)).toBe(true);
  });

  it('answers not_found for a document the cache does not hold and validation_error for a malformed id', async () => {
    expect(await content(newId())).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await content('../../etc/passwd')).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await world.core.handle('documents.content', { documentId: ids.note, extra: true })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });

  it('downloads on demand a cached document whose content is not stored yet, and keeps it', async () => {
    rmSync(documentPath(cacheDir, ids.letter));
    const letter = await callCore<DocumentContent>(world.core, 'documents.content', { documentId: ids.letter });
    expect(bytesOf(letter).equals(LETTER)).toBe(true);
    expect(existsSync(documentPath(cacheDir, ids.letter))).toBe(true);
  });

  it('answers internal_error for a tampered offline copy and removes it; asking again downloads it afresh', async () => {
    const path = documentPath(cacheDir, ids.note);
    const bytes = readFileSync(path);
    bytes[10] = bytes[10]! ^ 0x80;
    writeFileSync(path, bytes);
    expect(await content(ids.note)).toMatchObject({ ok: false, error: { code: 'internal_error', message: expect.stringMatching(/integrity check/) as unknown } });
    expect(existsSync(path)).toBe(false);
    const note = await callCore<DocumentContent>(world.core, 'documents.content', { documentId: ids.note });
    expect(bytesOf(note).equals(NOTE)).toBe(true);
  });

  it('uploads a chosen file to the case: answers its SHA-256 and the case lists it; a refused type and a forged name change nothing', async () => {
    const caseId = (await world.server.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
    const PHOTO = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
    const stored = await callCore<QueuedUpload>(world.core, 'documents.upload', { caseId, fileName: 'Door.png', contentType: 'image/png', base64: PHOTO.toString('base64') });
    const sha256 = createHash('sha256').update(PHOTO).digest('hex');
    expect(stored).toMatchObject({ fileName: 'Door.png', sizeBytes: PHOTO.length, sha256, waitingToSync: false });
    expect(await world.server.db.selectFrom('documents').select(['case_id', 'content_type', 'sha256']).where('id', '=', stored.documentId).executeTakeFirst())
      .toEqual({ case_id: caseId, content_type: 'image/png', sha256 });
    expect((await callCore<CaseDetailView>(world.core, 'cases.detail', { caseId })).documents.map((d) => d.id)).toContain(stored.documentId);

    const count = async () => (await world.server.db.selectFrom('documents').select('id').where('case_id', '=', caseId).execute()).length;
    const before = await count();
    const exe = Buffer.from('MZ synthetic program').toString('base64');
    expect(await world.core.handle('documents.upload', { caseId, fileName: 'setup.exe', contentType: 'application/x-msdownload', base64: exe }))
      .toMatchObject({ ok: false, error: { code: 'validation_error', message: expect.stringMatching(/cannot be attached/) as unknown } });
    expect(await world.core.handle('documents.upload', { caseId, fileName: 'notes.txt', contentType: 'text/plain', base64: exe }))
      .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await world.core.handle('documents.upload', { caseId: 'not-a-case', fileName: 'a.txt', contentType: 'text/plain', base64: 'aGk=' }))
      .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await count()).toBe(before);
  });

  it('offline, a document not downloaded yet says it is not available offline, while a stored one still opens', async () => {
    rmSync(documentPath(cacheDir, ids.note));
    await world.server.stop();
    const answer = await content(ids.note);
    expect(answer).toMatchObject({ ok: false, error: { code: 'network_error', message: expect.stringMatching(/not available offline yet/) as unknown } });
    expect(JSON.stringify(answer)).not.toContain(world.server.url);
    const letter = await callCore<DocumentContent>(world.core, 'documents.content', { documentId: ids.letter });
    expect(bytesOf(letter).equals(LETTER)).toBe(true);
  });
});

describe('the documents.content channel when the machine policy forbids exports', () => {
  let world: CoreWorld;
  afterAll(() => world.stop());

  it('refuses with authorization_error even for a synced document, whatever the renderer asks', async () => {
    world = await startCoreWorld({
      password: 'document-pass-2', caseTitle: 'Exports forbidden here', dataDirPrefix: 'cb-core-noexport-',
      core: { policy: { policy: { ...DEFAULT_POLICY, exportsAllowed: false }, enforced: new Set(['exportsAllowed']), warnings: [] } },
    });
    const caseId = (await world.server.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
    const token = await signIn(world.server, world.officer.username, world.officer.password);
    const doc = await uploadDocument(world.server, token, caseId, { name: 'Contact note.txt', type: 'text/plain', content: NOTE });
    await callCore(world.core, 'session.signIn', world.officer);
    await callCore(world.core, 'sync.now', null);
    expect(await world.core.handle('documents.content', { documentId: doc.id })).toMatchObject({ ok: false, error: { code: 'authorization_error' } });
  });
});
