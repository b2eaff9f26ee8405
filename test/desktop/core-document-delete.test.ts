/**
 * The documents.delete channel of the desktop core (real server, worker-backed encrypted cache, OS
 * keychain; "offline" is a fetch that cannot connect): the uploader deletes a document on the
 * server, and the sync that follows takes it and its sealed file off this computer; someone the
 * server does not let delete it is refused, and offline nothing is deleted anywhere.
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

  it('offline, says a deletion needs a connection and deletes nothing', async () => {
    net.offline = true;
    const answer = await world.core.handle('documents.delete', { documentId: ids.mine });
    expect(answer).toMatchObject({ ok: false, error: { code: 'network_error' } });
    expect(JSON.stringify(answer)).toContain('needs a connection');
    net.offline = false;
    expect(await onServer()).toEqual([ids.mine, ids.theirs].sort());
    expect((await listed()).map((d) => d.id)).toContain(ids.mine);
  });

  it('deletes the document on the server, and the sync takes it and its stored file off this computer', async () => {
    expect(existsSync(documentPath(cacheDir, ids.mine))).toBe(true);
    expect(await callCore(world.core, 'documents.delete', { documentId: ids.mine })).toBeNull();
    expect(await onServer()).toEqual([ids.theirs]);
    expect((await listed()).map((d) => d.id)).toEqual([ids.theirs]);
    expect(existsSync(documentPath(cacheDir, ids.mine))).toBe(false);
    const audit = await world.server.db.selectFrom('audit_events').select('user_id').where('action', '=', 'record.delete').where('entity_id', '=', ids.mine).execute();
    expect(audit).toEqual([{ user_id: world.officer.id }]);
  });
});
