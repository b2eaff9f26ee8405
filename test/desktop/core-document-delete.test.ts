/**
 * The documents.delete channel of the desktop core (real server, worker-backed encrypted cache, OS
 * keychain; "offline" is a fetch that cannot connect): the uploader deletes a document: the
 * desktop queues a `document.delete`, the case screen drops it at once, and the push deletes it on
 * the server (audited) and the sync takes its sealed file off this computer; a colleague's document
 * is refused before anything is queued, and a deletion the server refuses brings the document back.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import { cacheDirFor, documentPath } from '../../main/cache/document-files.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { signIn } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startCoreWorld, type CoreWorld } from '../support/core-world.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { buildUser } from '../support/factories.ts';

describe('the documents.delete channel of the desktop core', () => {
  const net = { offline: false };
  let world: CoreWorld;
  let caseId = '';
  let cacheDir = '';
  const ids = { mine: '', theirs: '' };
  const listed = async () => (await callCore<CaseDetailView>(world.core, 'cases.detail', { caseId })).documents;
  const onServer = async () => (await world.server.db.selectFrom('documents').select('id').where('case_id', '=', caseId).orderBy('id').execute()).map((d) => d.id);

  beforeAll(async () => {
    world = await startCoreWorld({
      password: 'document-pass-1', caseTitle: 'Hollowmere Lane harassment', dataDirPrefix: 'cb-core-doc-delete-',
      core: { fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)) },
    });
    const row = await world.server.db.selectFrom('cases').select(['id', 'owner_agency_id']).executeTakeFirstOrThrow();
    caseId = row.id;
    const colleague = await buildUser(world.server.db, { agencyId: row.owner_agency_id, password: 'document-pass-2' });
    const mine = await signIn(world.server, world.officer.username, world.officer.password);
    const theirs = await signIn(world.server, colleague.username, colleague.password);
    ids.mine = (await uploadDocument(world.server, mine, caseId, { name: 'Contact note.txt', type: 'text/plain', content: Buffer.from('Synthetic contact note.\n') })).id;
    ids.theirs = (await uploadDocument(world.server, theirs, caseId, { name: 'Colleague note.txt', type: 'text/plain', content: Buffer.from('Synthetic colleague note.\n') })).id;
    cacheDir = cacheDirFor(cacheLocation(world.dataDir, world.server.url, world.officer.id).file);
    await callCore(world.core, 'session.signIn', world.officer);
    await callCore(world.core, 'sync.now', null);
  });
  afterAll(() => world.stop());

  it("offers deletion only of the user's own upload, and refuses a colleague's on the server too", async () => {
    const docs = await listed();
    expect(docs.map((d) => [d.id, d.deletable]).sort()).toEqual([[ids.mine, true], [ids.theirs, false]].sort());
    expect(await world.core.handle('documents.delete', { documentId: ids.theirs })).toMatchObject({ ok: false, error: { code: 'authorization_error' } });
    expect(await world.core.handle('documents.delete', { documentId: 'not-an-id' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await onServer()).toEqual([ids.mine, ids.theirs].sort());
  });

  it('offline, takes the document off the case screen at once as a change waiting to sync; nothing is deleted on the server yet', async () => {
    net.offline = true;
    expect(await callCore(world.core, 'documents.delete', { documentId: ids.mine })).toBeNull();
    expect((await listed()).map((d) => d.id)).toEqual([ids.theirs]);
    const detail = await callCore<CaseDetailView>(world.core, 'cases.detail', { caseId });
    expect(detail.localChanges).toEqual({ pending: 1, rejected: 0, conflicts: 0 });
    expect(await onServer()).toEqual([ids.mine, ids.theirs].sort());
  });

  it('back online, the push deletes it on the server, audited, and its stored file leaves this computer', async () => {
    expect(existsSync(documentPath(cacheDir, ids.mine))).toBe(true);
    net.offline = false;
    await callCore(world.core, 'sync.now', null);
    expect(await onServer()).toEqual([ids.theirs]);
    expect((await listed()).map((d) => d.id)).toEqual([ids.theirs]);
    expect((await callCore<CaseDetailView>(world.core, 'cases.detail', { caseId })).localChanges).toEqual({ pending: 0, rejected: 0, conflicts: 0 });
    expect(existsSync(documentPath(cacheDir, ids.mine))).toBe(false);
    const audit = await world.server.db.selectFrom('audit_events').select('user_id').where('action', '=', 'record.delete').where('entity_id', '=', ids.mine).execute();
    expect(audit).toEqual([{ user_id: world.officer.id }]);
  });

  it('a deletion the server refuses brings the document back and shows among refused changes', async () => {
    const mine = await signIn(world.server, world.officer.username, world.officer.password);
    const id = (await uploadDocument(world.server, mine, caseId, { name: 'Second note.txt', type: 'text/plain', content: Buffer.from('Synthetic second note.\n') })).id;
    await callCore(world.core, 'sync.now', null);
    expect((await listed()).find((d) => d.id === id)?.deletable).toBe(true);
    // The server moves on without this computer hearing of it: the document is no longer the officer's to delete.
    const colleague = await world.server.db.selectFrom('documents').select('uploaded_by').where('id', '=', ids.theirs).executeTakeFirstOrThrow();
    await world.server.db.updateTable('documents').set({ uploaded_by: colleague.uploaded_by }).where('id', '=', id).execute();
    net.offline = true;
    expect(await callCore(world.core, 'documents.delete', { documentId: id })).toBeNull();
    expect((await listed()).map((d) => d.id)).not.toContain(id);
    net.offline = false;
    await callCore(world.core, 'sync.now', null);
    expect((await listed()).map((d) => d.id)).toContain(id);
    expect((await callCore<CaseDetailView>(world.core, 'cases.detail', { caseId })).localChanges).toEqual({ pending: 0, rejected: 1, conflicts: 0 });
    expect(await onServer()).toContain(id);
    const refusals = await world.server.db.selectFrom('audit_events').select('id').where('action', '=', 'record.delete').where('entity_id', '=', id).execute();
    expect(refusals).toEqual([]);
  });
});
