/**
 * The documents.upload channel offline (real server, worker-backed encrypted cache, OS keychain;
 * "offline" is a fetch that cannot connect): the file is sealed into the cache file store (no
 * plaintext anywhere under the data folder) and queued as a `document.upload`; the case lists it as
 * waiting to sync, also after a restart; back online the push uploads it once with its client-made id,
 * and a replay stores nothing more. An upload the server refuses shows among refused changes and
 * its local copy goes.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import type { QueuedUpload } from '../../domain/ipc/document-channels.ts';
import type { RejectedChange } from '../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { cacheDirFor, documentPath } from '../../main/cache/document-files.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { signIn } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startCoreWorld, type CoreWorld } from '../support/core-world.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';

const NEEDLE = 'Synthetic visit at Quillmarsh Orchard';
const CONTENT = Buffer.from(`${NEEDLE}: the side door was answered by nobody.\n`);
const SHA = createHash('sha256').update(CONTENT).digest('hex');

describe('the documents.upload channel with no network', () => {
  const net = { offline: false };
  const fetchImpl: typeof fetch = (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init));
  let world: CoreWorld;
  let core: DesktopCore;
  let caseId = '';
  let cacheDir = '';
  let queued: QueuedUpload;
  const listed = async () => (await callCore<CaseDetailView>(core, 'cases.detail', { caseId })).documents;
  const onServer = () => world.server.db.selectFrom('documents').select(['id', 'sha256', 'uploaded_by']).where('case_id', '=', caseId).execute();
  const uploadAudits = async (id: string) =>
    (await world.server.db.selectFrom('audit_events').select('id').where('action', '=', 'document.upload').where('entity_id', '=', id).execute()).length;

  beforeAll(async () => {
    world = await startCoreWorld({
      password: 'document-pass-1', caseTitle: 'Quillmarsh Orchard neighbour dispute', dataDirPrefix: 'cb-core-doc-upload-offline-', core: { fetchImpl },
    });
    core = world.core;
    caseId = (await world.server.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
    cacheDir = cacheDirFor(cacheLocation(world.dataDir, world.server.url, world.officer.id).file);
    await callCore(core, 'session.signIn', world.officer);
    await callCore(core, 'sync.now', null);
  });
  afterAll(async () => {
    if (core !== world.core) {
      await core.close();
    }
    await world.stop();
  });

  it('offline, keeps the file sealed on this computer and lists it on the case at once, waiting to sync', async () => {
    net.offline = true;
    queued = await callCore<QueuedUpload>(core, 'documents.upload', {
      caseId, fileName: 'Visit note.txt', contentType: 'text/plain', base64: CONTENT.toString('base64'),
    });
    expect(queued).toMatchObject({ fileName: 'Visit note.txt', sizeBytes: CONTENT.length, sha256: SHA, waitingToSync: true });
    // Deleted once it has reached the server: a deletion must not overtake its upload.
    expect((await listed()).map((d) => [d.id, d.fileName, d.waitingToSync, d.deletable])).toEqual([[queued.documentId, 'Visit note.txt', true, false]]);
    expect(await core.handle('documents.delete', { documentId: queued.documentId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect((await callCore<CaseDetailView>(core, 'cases.detail', { caseId })).localChanges).toEqual({ pending: 1, rejected: 0, conflicts: 0 });
    expect(await onServer()).toEqual([]);
    // Sealed: the content is nowhere in clear under the data folder (document files, cache file, WAL).
    expect(existsSync(documentPath(cacheDir, queued.documentId))).toBe(true);
    expect(findInFiles(filesUnder(world.dataDir), [NEEDLE])).toEqual([]);
    // And it opens from the offline copy before the server has it.
    const content = await callCore<{ base64: string }>(core, 'documents.content', { documentId: queued.documentId });
    expect(Buffer.from(content.base64, 'base64').equals(CONTENT)).toBe(true);
  });

  it('is still listed as waiting to sync after a restart with no network', async () => {
    await core.close();
    core = createDesktopCore({ serverUrl: world.server.url, dataDir: world.dataDir, secretStore: world.keychain, syncIntervalMs: 60_000, fetchImpl });
    await callCore(core, 'session.signIn', world.officer);
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'offline', pendingChanges: 1 });
    expect((await listed()).map((d) => [d.id, d.waitingToSync])).toEqual([[queued.documentId, true]]);
    expect(existsSync(documentPath(cacheDir, queued.documentId))).toBe(true);
    expect(await onServer()).toEqual([]);
  });

  it('back online, the push uploads it once under its client-made id, with the same SHA-256', async () => {
    net.offline = false;
    expect(await callCore<SyncStatus>(core, 'sync.now', null)).toMatchObject({ connection: 'online', pendingChanges: 0, lastError: null });
    expect(await onServer()).toEqual([{ id: queued.documentId, sha256: SHA, uploaded_by: world.officer.id }]);
    expect(await uploadAudits(queued.documentId)).toBe(1);
    expect((await listed()).map((d) => [d.id, d.waitingToSync, d.deletable])).toEqual([[queued.documentId, false, true]]);
    expect((await callCore<CaseDetailView>(core, 'cases.detail', { caseId })).localChanges).toEqual({ pending: 0, rejected: 0, conflicts: 0 });
    expect(findInFiles(filesUnder(world.dataDir), [NEEDLE])).toEqual([]);
  });

  it('a replayed upload (the same id and content again, as after a crash) stores and audits nothing more', async () => {
    const token = await signIn(world.server, world.officer.username, world.officer.password);
    const again = await uploadDocument(world.server, token, caseId, { name: 'Visit note.txt', type: 'text/plain', content: CONTENT }, { documentId: queued.documentId });
    expect(again.id).toBe(queued.documentId);
    expect(await onServer()).toEqual([{ id: queued.documentId, sha256: SHA, uploaded_by: world.officer.id }]);
    expect(await uploadAudits(queued.documentId)).toBe(1);
    // The same id with other content is not a replay.
    await expect(uploadDocument(world.server, token, caseId, { name: 'Other.txt', type: 'text/plain', content: Buffer.from('Other synthetic text.\n') }, { documentId: queued.documentId }))
      .rejects.toThrow(/409/);
    await callCore(core, 'sync.now', null);
    expect((await listed()).map((d) => d.id)).toEqual([queued.documentId]);
  });

  it('an upload the server refuses shows among refused changes, and its local copy goes', async () => {
    net.offline = true;
    // Allowed by the desktop's check (name and declared type), refused by the server's content check.
    const fake = await callCore<QueuedUpload>(core, 'documents.upload', {
      caseId, fileName: 'Scan.pdf', contentType: 'application/pdf', base64: Buffer.from('Synthetic text, not a PDF.\n').toString('base64'),
    });
    expect(fake.waitingToSync).toBe(true);
    expect((await listed()).map((d) => d.id)).toContain(fake.documentId);
    net.offline = false;
    await callCore(core, 'sync.now', null);
    expect((await listed()).map((d) => d.id)).toEqual([queued.documentId]);
    expect(existsSync(documentPath(cacheDir, fake.documentId))).toBe(false);
    const refused = await callCore<RejectedChange[]>(core, 'sync.rejected', null);
    expect(refused.map((r) => [r.name, (r.args as { documentId: string }).documentId, r.error.code])).toEqual([['document.upload', fake.documentId, 'validation_error']]);
    expect((await onServer()).map((d) => d.id)).toEqual([queued.documentId]);
  });

  it('online, a refused upload is answered with the refusal at once', async () => {
    const answer = await core.handle('documents.upload', {
      caseId, fileName: 'Second scan.pdf', contentType: 'application/pdf', base64: Buffer.from('Also not a PDF.\n').toString('base64'),
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect((await listed()).map((d) => d.id)).toEqual([queued.documentId]);
  });
});
