/** The server's data folder is private: folders 0700, files 0600, and a looser existing folder is tightened at start-up. */
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerConfig } from '../../server/context/config.ts';
import { startServer, type RunningServer } from '../../server/start-server.ts';
import { multipart } from '../support/document-upload.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';

/** Every file and folder under a folder (itself included) with its permission bits. */
function modesUnder(path: string): Array<{ path: string; dir: boolean; mode: number }> {
  const stat = lstatSync(path);
  const here = { path, dir: stat.isDirectory(), mode: stat.mode & 0o777 };
  return stat.isDirectory() ? [here, ...readdirSync(path).flatMap((name) => modesUnder(join(path, name)))] : [here];
}

describe('server data folder permissions (embedded SQLite, encrypted)', () => {
  let root = '';
  let dataDir = '';
  let server: RunningServer;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'cb-perms-'));
    dataDir = join(root, 'data');
    // An install from before the rule: a world-readable folder with a world-readable file inside.
    mkdirSync(join(dataDir, 'blobs', 'ab'), { recursive: true });
    chmodSync(dataDir, 0o755);
    chmodSync(join(dataDir, 'blobs'), 0o775);
    chmodSync(join(dataDir, 'blobs', 'ab'), 0o777);
    writeFileSync(join(dataDir, 'notes.txt'), 'left by an operator', { mode: 0o644 });
    chmodSync(join(dataDir, 'notes.txt'), 0o644);
    const config: ServerConfig = {
      database: { dialect: 'sqlite', file: join(dataDir, 'casebridge.db'), key: 'ab'.repeat(32) },
      dataDir, host: '127.0.0.1', port: 0, jwtSecret: undefined, accessTokenSeconds: 900, refreshTokenDays: 14,
    };
    server = await startServer(config, { logger: false });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('keeps every folder 0700 and every file 0600 after sign-in, writes and a document upload', async () => {
    const police = await buildAgency(server.db, { kind: 'police', name: 'Police' });
    const user = await buildUser(server.db, { agencyId: police });
    const caseId = (await buildCase(server.db, { ownerAgencyId: police })).id;
    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password } });
    expect(login.statusCode).toBe(200);
    const body = multipart({}, { name: 'notes.txt', type: 'text/plain', content: Buffer.from('synthetic visit note\n') });
    const upload = await server.app.inject({
      method: 'POST', url: `/cases/${caseId}/documents`, payload: body.payload,
      headers: { ...body.headers, authorization: `Bearer ${login.json<{ accessToken: string }>().accessToken}` },
    });
    expect(upload.statusCode).toBe(201);

    const entries = modesUnder(dataDir);
    const names = entries.map((e) => e.path.slice(dataDir.length));
    // The things that must be there for the check to mean anything.
    expect(names).toEqual(expect.arrayContaining(['', '/casebridge.db', '/casebridge.db-wal', '/casebridge.db-shm', '/jwt-secret', '/totp-key', '/blobs', '/notes.txt']));
    expect(entries.filter((e) => !e.dir && e.path.includes('/blobs/')).length).toBeGreaterThan(0);
    const wrong = entries.filter((e) => e.mode !== (e.dir ? 0o700 : 0o600)).map((e) => `${e.path} ${e.mode.toString(8)}`);
    expect(wrong).toEqual([]);
  });
});
