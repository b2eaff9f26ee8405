/** Offline document content: downloaded after a sync, sealed on disk, verified on every read, never kept once removed. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_DOCUMENT_BYTES } from '../../domain/documents/max-document-bytes.ts';
import { newId } from '../../domain/ids.ts';
import { createApiClient, type ApiClient } from '../../main/api/api-client.ts';
import { deriveDocumentFileKey } from '../../main/cache/document-cipher.ts';
import { createDocumentContentStore, type DocumentContentStore } from '../../main/cache/document-content.ts';
import { openCaseCache } from '../../main/cache/case-cache.ts';
import { cacheDirFor, documentPath, documentsDir } from '../../main/cache/document-files.ts';
import { DocumentContentFetcher } from '../../main/sync/fetch-document-content.ts';
import { SyncStatusTracker } from '../../main/sync/sync-status-tracker.ts';
import { MAX_DOCUMENT_BYTES as SERVER_MAX_DOCUMENT_BYTES } from '../../server/documents/receive-upload.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { newKeyHex, openTestCache, page, syncCase, syncDocument } from './cache-test-kit.ts';
import { eventually, startSyncDesktop, type SyncDesktop } from './sync-harness.ts';

const NEEDLES = ['Quillfeather', 'side gate', 'Orrin Blackwood'];
const plan = (n: number) => Buffer.from(`Safety plan ${n} for Orrin Blackwood at Quillfeather Court: keep the side gate locked.\n`);

describe('document content for offline reading, against a real server and a real encrypted cache', () => {
  let server: TestServer;
  let desktop: SyncDesktop;
  let officer: { username: string; password: string };
  let caseId = '';
  const docs: Array<{ id: string; content: Buffer }> = [];

  const store = (): DocumentContentStore => desktop.session.require().cache.documentContent!;
  const token = () => desktop.session.accessToken();
  const upload = async (content: Buffer, name = 'safety-plan.txt') => {
    const { id } = await uploadDocument(server, await token(), caseId, { name, type: 'text/plain', content });
    return { id, content };
  };
  const stored = (dir: string) => (existsSync(documentsDir(dir)) ? readdirSync(documentsDir(dir)).sort() : []);
  // A client whose content calls go to a closed port, while the rest of sync reaches the real server.
  const contentUnreachable = (): ApiClient => {
    const unreachable = createApiClient({ baseUrl: 'http://127.0.0.1:9', retry: { maxAttempts: 1 } });
    return { call: (name, input) => desktop.api.call(name, input), download: (name, input, maxBytes) => unreachable.download(name, input, maxBytes) };
  };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council' });
    officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
    caseId = (await buildCase(server.db, { ownerAgencyId: council, title: 'Harassment at Quillfeather Court' })).id;
    desktop = await startSyncDesktop(server, officer);
    docs.push(await upload(plan(1)), await upload(plan(2)));
  });
  afterAll(async () => {
    await desktop.close();
    await server.stop();
  });

  it('holds the same size limit as the server', () => {
    expect(MAX_DOCUMENT_BYTES).toBe(SERVER_MAX_DOCUMENT_BYTES);
  });

  it('after a sync each document is stored sealed: its file holds none of the text, and the reader returns the exact bytes', async () => {
    expect(await desktop.engine.syncNow()).toMatchObject({ lastError: null, phase: 'idle' });
    expect(stored(desktop.dataDir)).toEqual(docs.map((d) => d.id).sort());
    for (const doc of docs) {
      const path = documentPath(desktop.dataDir, doc.id);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(readFileSync(path).length).toBeGreaterThan(doc.content.length);
      expect((await store().read(doc.id))?.equals(doc.content)).toBe(true);
    }
    // Not in the document files, nor in the cache file or its WAL.
    expect(findInFiles(filesUnder(desktop.dataDir), NEEDLES)).toEqual([]);
    expect(await store().missing()).toEqual([]);
  });

  it('a flipped byte fails the read with internal_error and deletes the file, and the next sync downloads it again', async () => {
    const [doc] = docs;
    const path = documentPath(desktop.dataDir, doc!.id);
    const bytes = readFileSync(path);
    bytes[bytes.length - 20] = bytes[bytes.length - 20]! ^ 0x01;
    writeFileSync(path, bytes);
    await expect(store().read(doc!.id)).rejects.toMatchObject({ code: 'internal_error', message: expect.stringMatching(/integrity check/) as unknown });
    expect(existsSync(path)).toBe(false);
    expect(await store().read(doc!.id)).toBeNull();

    await desktop.engine.syncNow();
    expect((await store().read(doc!.id))?.equals(doc!.content)).toBe(true);
  });

  it("a file moved onto another document's name fails to open and is deleted", async () => {
    const [first, second] = docs;
    renameSync(documentPath(desktop.dataDir, first!.id), documentPath(desktop.dataDir, second!.id));
    await expect(store().read(second!.id)).rejects.toMatchObject({ code: 'internal_error' });
    expect(stored(desktop.dataDir)).toEqual([]);

    await desktop.engine.syncNow();
    expect(stored(desktop.dataDir)).toEqual(docs.map((d) => d.id).sort());
  });

  it('the files cannot be read under another cache key, and what could not be read is deleted', async () => {
    const foreign = createDocumentContentStore(desktop.db(), desktop.dataDir, deriveDocumentFileKey(newKeyHex()));
    for (const doc of docs) {
      await expect(foreign.read(doc.id)).rejects.toMatchObject({ code: 'internal_error' });
    }
    expect(stored(desktop.dataDir)).toEqual([]);
    await desktop.engine.syncNow();
    expect(stored(desktop.dataDir)).toEqual(docs.map((d) => d.id).sort());
  });

  it('when the content call cannot reach the server the sync still succeeds, and a later sync downloads the document', async () => {
    const doc = await upload(plan(3));
    const status = new SyncStatusTracker();
    const result = await desktop.engineWith(contentUnreachable(), status).syncNow();
    expect(result).toMatchObject({ connection: 'online', phase: 'idle', lastError: null });
    expect((await store().meta(doc.id))?.sizeBytes).toBe(doc.content.length);
    expect(existsSync(documentPath(desktop.dataDir, doc.id))).toBe(false);
    expect((await store().missing()).map((d) => d.id)).toEqual([doc.id]);

    expect(await desktop.engine.syncNow()).toMatchObject({ lastError: null });
    expect((await store().read(doc.id))?.equals(doc.content)).toBe(true);
    docs.push(doc);
  });

  it('stopping the engine (lock, sign-out) cancels a download under way instead of waiting for it', async () => {
    const doc = await upload(plan(6));
    let asked = 0;
    const hanging = createServer(() => {
      asked += 1; // never answers
    });
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    try {
      const slow = createApiClient({ baseUrl: `http://127.0.0.1:${(hanging.address() as AddressInfo).port}` });
      const api: ApiClient = { call: (name, input) => desktop.api.call(name, input), download: (name, input, maxBytes) => slow.download(name, input, maxBytes) };
      const engine = desktop.engineWith(api, new SyncStatusTracker());
      const run = engine.syncNow();
      await eventually(() => expect(asked).toBe(1));
      const stoppedAt = Date.now();
      engine.stop();
      await engine.settle();
      expect(Date.now() - stoppedAt).toBeLessThan(2000);
      expect(await run).toMatchObject({ phase: 'idle', lastError: null });
      expect(asked).toBe(1);
      expect(existsSync(documentPath(desktop.dataDir, doc.id))).toBe(false);
    } finally {
      hanging.closeAllConnections();
      await new Promise<void>((resolve) => hanging.close(() => resolve()));
    }
    await desktop.engine.syncNow();
    expect((await store().read(doc.id))?.equals(doc.content)).toBe(true);
    docs.push(doc);
  });

  it('a document the server no longer serves (404) is skipped without failing, and the next pull removes it', async () => {
    const doc = await upload(plan(4));
    await desktop.engineWith(contentUnreachable(), new SyncStatusTracker()).syncNow();
    const deleted = await server.app.inject({ method: 'DELETE', url: `/documents/${doc.id}`, headers: { authorization: `Bearer ${await token()}` } });
    expect(deleted.statusCode).toBe(200);

    const outcome = await new DocumentContentFetcher().fetchMissing(desktop.session.require().cache, desktop.api, token);
    expect(outcome).toEqual({ stored: 0, failed: 1, stopped: false });
    expect(existsSync(documentPath(desktop.dataDir, doc.id))).toBe(false);

    expect(await desktop.engine.syncNow()).toMatchObject({ lastError: null, phase: 'idle' });
    expect(await store().meta(doc.id)).toBeNull();
    expect(await store().missing()).toEqual([]);
  });

  it('a document removed from the cache while its content downloads is not left on disk, nor any temp file', async () => {
    const doc = await upload(plan(5));
    await desktop.engineWith(contentUnreachable(), new SyncStatusTracker()).syncNow();
    const before = stored(desktop.dataDir);
    // The content arrives; before it is stored, the uploader deletes the document and a pull removes it from the cache.
    const racing: ApiClient = {
      call: (name, input) => desktop.api.call(name, input),
      download: async (name, input, maxBytes) => {
        const got = await desktop.api.download(name, input, maxBytes);
        expect((await server.app.inject({ method: 'DELETE', url: `/documents/${doc.id}`, headers: { authorization: `Bearer ${await token()}` } })).statusCode).toBe(200);
        expect(await desktop.engine.syncNow()).toMatchObject({ lastError: null });
        expect(await store().meta(doc.id)).toBeNull();
        return got;
      },
    };
    const outcome = await new DocumentContentFetcher().fetchMissing(desktop.session.require().cache, racing, token);
    expect(outcome).toEqual({ stored: 0, failed: 0, stopped: false });
    expect(existsSync(documentPath(desktop.dataDir, doc.id))).toBe(false);
    expect(stored(desktop.dataDir)).toEqual(before);
    expect(readdirSync(documentsDir(desktop.dataDir)).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('downloads at most the configured number of documents per sync, and the rest at the next one', async () => {
    const small = await startSyncDesktop(server, officer, { documentsPerSync: 2 });
    try {
      const expected = docs.map((d) => d.id).sort();
      expect(expected.length).toBeGreaterThan(2);
      await small.engine.syncNow();
      expect(stored(small.dataDir)).toHaveLength(2);
      await small.engine.syncNow();
      expect(stored(small.dataDir)).toHaveLength(Math.min(4, expected.length));
      await small.engine.syncNow();
      expect(stored(small.dataDir)).toEqual(expected);
    } finally {
      await small.close();
    }
  });
});

describe('stored document files when the cache opens', () => {
  it("keeps each cache's documents in its own folder, so another user's cache in the same folder never sweeps them", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-doc-shared-'));
    try {
      const fileA = join(dir, 'a.cbcache');
      const a = await openCaseCache({ file: fileA, keyHex: newKeyHex() });
      const c = syncCase();
      const doc = syncDocument(c.id);
      try {
        await a.applyPullPage(page([{ entity: 'case', data: c }, { entity: 'document', data: doc }]));
        expect(await a.documentContent!.write(doc.id, plan(7))).toBe(true);
      } finally {
        await a.close();
      }
      expect(existsSync(documentPath(cacheDirFor(fileA), doc.id))).toBe(true);
      // Another user's cache beside it: its open sweeps only its own folder.
      const b = await openCaseCache({ file: join(dir, 'b.cbcache'), keyHex: newKeyHex() });
      await b.close();
      expect(existsSync(documentPath(cacheDirFor(fileA), doc.id))).toBe(true);
      expect(cacheDirFor(join(dir, 'b.cbcache'))).not.toBe(cacheDirFor(fileA));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('sweeps a temp file left by a crash and the file of a document the cache does not hold', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-doc-sweep-'));
    try {
      mkdirSync(documentsDir(dir));
      const orphan = newId();
      writeFileSync(join(documentsDir(dir), `.${orphan}.0a1b2c3d4e5f.part`), 'half a file');
      writeFileSync(documentPath(dir, orphan), 'a whole file of a document no longer cached');
      const { cache } = await openTestCache(dir);
      try {
        expect(readdirSync(documentsDir(dir))).toEqual([]);
        // Nothing is written for a document the cache does not hold.
        expect(await cache.documentContent!.write(orphan, Buffer.from('content'))).toBe(false);
        expect(readdirSync(documentsDir(dir))).toEqual([]);
        expect(await cache.documentContent!.read(orphan)).toBeNull();
      } finally {
        await cache.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
