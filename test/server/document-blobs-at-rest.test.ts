/** With database encryption on, document content is sealed on disk (bound to its document id) and served back intact. */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerConfig } from '../../server/context/config.ts';
import { blobPath } from '../../server/documents/blob-store.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { multipart } from '../support/document-upload.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';

const MARKER = 'SYNTHETIC-CONTENT-7f3a visit note for a made-up person';
const CONTENT = Buffer.from(`${MARKER}\n`.repeat(2000));

describe('document blobs at rest with CASEBRIDGE_DB_KEY (embedded SQLite)', () => {
  let dataDir = '';
  let server: RunningServer;
  let token = '';
  let caseId = '';

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cb-blobs-'));
    const config: ServerConfig = {
      database: { dialect: 'sqlite', file: join(dataDir, 'casebridge.db'), key: '1f'.repeat(32) },
      dataDir, host: '127.0.0.1', port: 0, jwtSecret: undefined, accessTokenSeconds: 900, refreshTokenDays: 14,
    };
    server = await startServer(config, { logger: false });
    const police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const user = await buildUser(server.db, { agencyId: police });
    caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    token = (await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password } }))
      .json<{ accessToken: string }>().accessToken;
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const upload = async (name: string) => {
    const body = multipart({}, { name, type: 'text/plain', content: CONTENT });
    const res = await server.app.inject({ method: 'POST', url: `/cases/${caseId}/documents`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${token}` } });
    expect(res.statusCode).toBe(201);
    return res.json<{ id: string; sha256: string }>();
  };
  const download = (id: string) => server.app.inject({ method: 'GET', url: `/documents/${id}/content`, headers: { authorization: `Bearer ${token}` } });
  const storageKey = async (id: string) => (await server.db.selectFrom('documents').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow()).storage_key;

  it('stores no plaintext anywhere under the data dir, and downloads the original bytes with a matching SHA-256', async () => {
    const doc = await upload('visit.txt');
    expect(doc.sha256).toBe(createHash('sha256').update(CONTENT).digest('hex'));
    const raw = readFileSync(blobPath(dataDir, await storageKey(doc.id)));
    expect(raw.includes(Buffer.from('SYNTHETIC-CONTENT-7f3a'))).toBe(false);
    expect(raw.length).toBe(CONTENT.length + 32);
    expect(findInFiles(filesUnder(dataDir), ['SYNTHETIC-CONTENT-7f3a'])).toEqual([]);

    const res = await download(doc.id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(CONTENT)).toBe(true);
    expect(res.headers['x-document-sha256']).toBe(createHash('sha256').update(res.rawPayload).digest('hex'));
  });

  it('seals content stored in plain text before encryption was on, at the next start-up, and still serves it', async () => {
    const doc = await upload('legacy.txt');
    const path = blobPath(dataDir, await storageKey(doc.id));
    writeFileSync(path, CONTENT);
    expect((await download(doc.id)).rawPayload.equals(CONTENT)).toBe(true);
    const again = await startServer({ ...server.ctx.config, port: 0 }, { logger: false });
    await again.close();
    expect(readFileSync(path).includes(Buffer.from('SYNTHETIC-CONTENT-7f3a'))).toBe(false);
    expect(findInFiles(filesUnder(dataDir), ['SYNTHETIC-CONTENT-7f3a'])).toEqual([]);
    const res = await download(doc.id);
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(CONTENT)).toBe(true);
  });

  it('refuses sealed content moved to another document (bound to its id), and altered content', async () => {
    const first = await upload('first.txt');
    const second = await upload('second.txt');
    copyFileSync(blobPath(dataDir, await storageKey(first.id)), blobPath(dataDir, await storageKey(second.id)));
    const moved = await download(second.id);
    expect(moved.statusCode).toBe(500);
    expect(moved.json<{ error: { code: string } }>().error.code).toBe('internal_error');
    expect(moved.rawPayload.includes(Buffer.from('SYNTHETIC-CONTENT-7f3a'))).toBe(false);
    const audit = await server.db.selectFrom('audit_events').select(['outcome', 'details']).where('action', '=', 'document.download').where('entity_id', '=', second.id).executeTakeFirstOrThrow();
    expect(audit.outcome).toBe('failure');
    expect(JSON.parse(audit.details)).toMatchObject({ problem: 'checksum_mismatch' });

    const path = blobPath(dataDir, await storageKey(first.id));
    const altered = readFileSync(path);
    altered[100] = (altered[100] ?? 0) ^ 0x01;
    writeFileSync(path, altered);
    expect((await download(first.id)).statusCode).toBe(500);
  });
});
