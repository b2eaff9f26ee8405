import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../domain/entities.ts';
import type { SessionState } from '../../domain/ipc/contract.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { startCoreWorld, type CoreWorld } from '../support/core-world.ts';
import { uploadDocument } from '../support/document-upload.ts';
import { filesUnder } from '../support/raw-bytes.ts';
import type { TestServer } from '../support/test-server.ts';

describe('device revocation wipes the desktop', () => {
  let world: CoreWorld;
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  let keychain: CoreWorld['keychain'];
  let states: SessionState[];
  let officer: { id: string; username: string; password: string };

  beforeAll(async () => {
    world = await startCoreWorld({ password: 'revoke-pass-1', caseTitle: 'Modern slavery concern at Tallow Yard', dataDirPrefix: 'cb-revoke-' });
    ({ server, dataDir, core, keychain, states, officer } = world);
  });
  afterAll(() => world.stop());

  it('registers this desktop as a device at sign-in; after a revocation the next call wipes cache and keys and signs out', async () => {
    const signIn = await core.handle('session.signIn', officer);
    expect(signIn).toMatchObject({ ok: true });
    const user = (signIn as { value: SessionUser }).value;
    // A document whose content the sync downloads (sealed) into the cache's own folder.
    const caseId = (await server.db.selectFrom('cases').select('id').executeTakeFirstOrThrow()).id;
    const token = (await server.ctx.tokens.signAccess(user.id, new Date())).token;
    const doc = await uploadDocument(server, token, caseId, { name: 'visit.txt', type: 'text/plain', content: Buffer.from('Synthetic visit notes') });
    expect(await core.handle('sync.now', null)).toMatchObject({ ok: true, value: { cachedCases: 1 } });
    const location = cacheLocation(dataDir, server.url, user.id);
    expect(filesUnder(dataDir)).toContain(location.file);
    expect(filesUnder(dataDir).some((f) => f.endsWith(doc.id))).toBe(true);
    expect(await keychain.get(location.keyAccount)).toMatch(/^[0-9a-f]{64}$/);

    const devices = await server.db.selectFrom('devices').select(['id', 'revoked_at']).where('user_id', '=', officer.id).execute();
    expect(devices).toHaveLength(1);
    await server.db.updateTable('devices').set({ revoked_at: new Date().toISOString() }).where('id', '=', devices[0]!.id).execute();

    const status = await core.handle('sync.now', null);
    expect(status).toMatchObject({ ok: true, value: { lastError: { code: 'device_revoked' } } });
    expect(filesUnder(join(dataDir, 'caches'))).toEqual([]);
    expect(await keychain.get(location.keyAccount)).toBeNull();
    expect(await keychain.get(location.refreshTokenAccount)).toBeNull();
    expect(states.at(-1)).toEqual({ state: 'signed_out', reason: 'device_revoked' });
    expect(await core.handle('session.state', null)).toEqual({ ok: true, value: { state: 'signed_out', reason: 'device_revoked' } });
    expect(await core.handle('cases.queue', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it('after the wipe, signing in again registers a new device and works', async () => {
    expect(await core.handle('session.signIn', officer)).toMatchObject({ ok: true });
    const devices = await server.db.selectFrom('devices').select(['revoked_at']).where('user_id', '=', officer.id).execute();
    expect(devices.map((d) => d.revoked_at === null).sort()).toEqual([false, true]);
    expect(await core.handle('session.state', null)).toMatchObject({ ok: true, value: { state: 'signed_in' } });
  });
});
