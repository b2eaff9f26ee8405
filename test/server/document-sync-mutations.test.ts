/**
 * Documents changed from a desktop's outbox (docs/sync.md, "Documents"): an upload sent with its
 * client-made id (a replay stores nothing more; the id used for anything else is a conflict), the
 * `document.upload` mutation that confirms it, and `document.delete` with the rule of
 * `DELETE /documents/:id` (uploader or a manager of the owning agency; audited; the blob goes).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../domain/http/sync-schemas.ts';
import { newId } from '../../domain/ids.ts';
import { buildThreeAgencyWorld, call, type WorldUser } from '../support/case-factories.ts';
import { multipart } from '../support/document-upload.ts';
import { buildCase } from '../support/factories.ts';
import { filesUnder } from '../support/raw-bytes.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const NOTE = Buffer.from('Synthetic visit note, no real data.\n');
const SHA = createHash('sha256').update(NOTE).digest('hex');

describe.each(testDialects())('document sync mutations on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  let caseId: string;
  let otherCaseId: string;
  let nextMutation = 1;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    const owner = { ownerAgencyId: world.agencies.police, ownerTeamId: world.teams.police[0], ownerUserId: world.users.police.a.id, sharingLevel: 'owner_agency' as const };
    caseId = (await buildCase(server.db, owner)).id;
    otherCaseId = (await buildCase(server.db, owner)).id;
  });
  afterAll(() => server.stop());

  const upload = (user: WorldUser, fields: Record<string, string>, content = NOTE, onCase = caseId) => {
    const body = multipart(fields, { name: 'Visit note.txt', type: 'text/plain', content });
    return server.app.inject({ method: 'POST', url: `/cases/${onCase}/documents`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${user.token}` } });
  };
  async function push(user: WorldUser, name: string, args: object) {
    const res = await call<PushResponse>(server, user, 'POST', '/sync/push', { clientId: `client-${user.id}`, mutations: [{ mutationId: nextMutation++, name, args }] });
    expect(res.status).toBe(200);
    return res.body.results[0]!;
  }
  const rows = (id: string) => server.db.selectFrom('documents').select(['id', 'sha256', 'uploaded_by']).where('id', '=', id).execute();
  const audits = async (id: string, action: string) =>
    (await server.db.selectFrom('audit_events').select('user_id').where('entity_id', '=', id).where('action', '=', action).execute()).map((a) => a.user_id);
  const blobs = () => filesUnder(join(server.ctx.config.dataDir, 'blobs')).length;

  it('stores an upload under the client-made id; the same upload again answers it and stores, records and audits nothing more', async () => {
    const police = world.users.police.a;
    const documentId = newId();
    const first = await upload(police, { documentId });
    expect(first.statusCode).toBe(201);
    expect(first.json<{ id: string; sha256: string }>()).toMatchObject({ id: documentId, sha256: SHA });
    const blobsAfterFirst = blobs();

    const again = await upload(police, { documentId });
    expect(again.statusCode).toBe(201);
    expect(again.json<{ id: string }>().id).toBe(documentId);
    expect(await rows(documentId)).toEqual([{ id: documentId, sha256: SHA, uploaded_by: police.id }]);
    expect(await audits(documentId, 'document.upload')).toEqual([police.id]);
    expect(await server.db.selectFrom('change_log').select('op').where('entity', '=', 'document').where('entity_id', '=', documentId).execute()).toEqual([{ op: 'upsert' }]);
    expect(blobs()).toBe(blobsAfterFirst);

    // The mutation that follows the content is applied by confirming it.
    expect(await push(police, 'document.upload', { documentId, caseId, fileName: 'Visit note.txt', contentType: 'text/plain', sizeBytes: NOTE.length, sha256: SHA }))
      .toMatchObject({ status: 'applied' });
  });

  it('answers two copies of the same upload arriving at once with the one stored document', async () => {
    const police = world.users.police.a;
    const documentId = newId();
    const blobsBefore = blobs();
    const answers = await Promise.all(Array.from({ length: 3 }, () => upload(police, { documentId })));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(answers.map((a) => a.json<{ id: string }>().id)).toEqual([documentId, documentId, documentId]);
    expect(await rows(documentId)).toEqual([{ id: documentId, sha256: SHA, uploaded_by: police.id }]);
    expect(await audits(documentId, 'document.upload')).toEqual([police.id]);
    expect(blobs()).toBe(blobsBefore + 1);
  });

  it('refuses the id with other content, from another user or on another case as a conflict, storing nothing', async () => {
    const police = world.users.police.a;
    const documentId = newId();
    expect((await upload(police, { documentId })).statusCode).toBe(201);
    const blobsBefore = blobs();
    for (const res of [
      await upload(police, { documentId }, Buffer.from('Other synthetic text.\n')),
      await upload(world.users.police.b, { documentId }),
      await upload(police, { documentId }, NOTE, otherCaseId),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('conflict');
    }
    expect(await rows(documentId)).toEqual([{ id: documentId, sha256: SHA, uploaded_by: police.id }]);
    expect(blobs()).toBe(blobsBefore);
    expect((await upload(police, { documentId: 'not-an-id' })).statusCode).toBe(400);
  });

  it('refuses a document.upload whose content the server does not hold', async () => {
    const result = await push(world.users.police.a, 'document.upload', {
      documentId: newId(), caseId, fileName: 'Visit note.txt', contentType: 'text/plain', sizeBytes: NOTE.length, sha256: SHA,
    });
    expect(result).toMatchObject({ status: 'rejected', error: { code: 'validation_error' } });
  });

  it('document.delete: the uploader deletes it (audited, blob gone); a colleague, another case or an invisible document is refused', async () => {
    const police = world.users.police.a;
    const documentId = newId();
    expect((await upload(police, { documentId })).statusCode).toBe(201);
    const blobsBefore = blobs();

    expect(await push(world.users.police.b, 'document.delete', { documentId, caseId })).toMatchObject({ status: 'rejected', error: { code: 'authorization_error' } });
    expect(await push(world.users.council.a, 'document.delete', { documentId, caseId })).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
    expect(await push(police, 'document.delete', { documentId, caseId: otherCaseId })).toMatchObject({ status: 'rejected', error: { code: 'not_found' } });
    expect(await rows(documentId)).toHaveLength(1);
    expect(await audits(documentId, 'record.delete')).toEqual([]);

    expect(await push(police, 'document.delete', { documentId, caseId })).toMatchObject({ status: 'applied' });
    expect(await rows(documentId)).toEqual([]);
    expect(await audits(documentId, 'record.delete')).toEqual([police.id]);
    expect(blobs()).toBe(blobsBefore - 1);
    const change = await server.db.selectFrom('change_log').select('op').where('entity', '=', 'document').where('entity_id', '=', documentId).orderBy('seq').execute();
    expect(change).toEqual([{ op: 'upsert' }, { op: 'delete' }]);
  });

  it("document.delete: a manager of the owning agency deletes a colleague's document", async () => {
    const documentId = newId();
    expect((await upload(world.users.police.b, { documentId })).statusCode).toBe(201);
    expect(await push(world.users.police.manager, 'document.delete', { documentId, caseId })).toMatchObject({ status: 'applied' });
    expect(await audits(documentId, 'record.delete')).toEqual([world.users.police.manager.id]);
  });
});
