import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueuePage } from '../../domain/ipc/contract.ts';
import type { SessionUser } from '../../domain/entities.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { openEncryptedDb } from '../../main/cache-worker/open-encrypted-db.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { cacheLocation } from '../../main/session/cache-location.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { filesUnder, findInFiles } from '../support/raw-bytes.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('desktop core against a real server, cache and OS keychain', () => {
  let server: TestServer;
  let dataDir: string;
  let core: DesktopCore;
  let desktop: TestCore;
  let keychain: TestCore['keychain'];
  const titles = { own: 'Noise nuisance at Quillfeather Court', shared: 'Hoarding fire risk at Zephyrine Walk', hidden: 'Tenancy breach at Marchbanks Row' };
  let officer: { username: string; password: string };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council', code: 'RCC' });
    const fire = await buildAgency(server.db, { name: 'Fire Service', kind: 'fire', code: 'FIR' });
    const housing = await buildAgency(server.db, { name: 'Housing', kind: 'housing', code: 'HOU' });
    officer = await buildUser(server.db, { agencyId: council, password: 'council-pass-1' });
    await buildCase(server.db, { ownerAgencyId: council, title: titles.own });
    await buildCase(server.db, { ownerAgencyId: fire, title: titles.shared, sharingLevel: 'shared', sharedAgencyIds: [council] });
    await buildCase(server.db, { ownerAgencyId: housing, title: titles.hidden });
    desktop = startTestCore(server, 'cb-desktop-');
    ({ core, dataDir, keychain } = desktop);
  });
  afterAll(async () => {
    await desktop.stop();
    await server.stop();
  });

  const call = <T>(channel: Parameters<DesktopCore['handle']>[0], input: unknown) => callCore<T>(core, channel, input);

  it('refuses the queue before sign-in and a wrong password with typed errors', async () => {
    expect(await core.handle('cases.queue', {})).toEqual({ ok: false, error: { code: 'not_signed_in', message: 'Sign in first.' } });
    const wrong = await core.handle('session.signIn', { username: officer.username, password: 'nope' });
    expect(wrong).toEqual({ ok: false, error: { code: 'authentication_error', message: 'Wrong username or password.' } });
  });

  it('rejects malformed IPC input without touching anything', async () => {
    const bad = await core.handle('session.signIn', { username: '', password: 5 });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error.code).toBe('validation_error');
    expect(await core.handle('nope.channel' as never, null)).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });

  it('signs in, pulls, and shows own and shared cases but never another agency unshared case', async () => {
    const user = await call<SessionUser>('session.signIn', { username: officer.username, password: officer.password });
    expect(user.agencyName).toBe('Riverton Council');
    const status = await call<SyncStatus>('sync.now', null);
    expect(status).toMatchObject({ connection: 'online', phase: 'idle', lastError: null, cachedCases: 2 });
    expect(status.lastSuccessAt).not.toBeNull();
    const page = await call<QueuePage>('cases.queue', {});
    expect(page.rows.map((r) => r.title).sort()).toEqual([titles.shared, titles.own].sort());
    expect(page.rows.find((r) => r.title === titles.shared)?.ownerAgencyName).toBe('Fire Service');
    const filtered = await call<QueuePage>('cases.queue', { filter: 'zephyrine' });
    expect(filtered.rows.map((r) => r.title)).toEqual([titles.shared]);
    expect((await call<QueuePage>('cases.queue', { filter: '%' })).total).toBe(0);
    // The core knows whose agency "shared with my agency" means.
    expect((await call<QueuePage>('cases.queue', { tab: 'shared_with_agency' })).rows.map((r) => r.title)).toEqual([titles.shared]);
    expect((await call<QueuePage>('cases.queue', { tab: 'my_cases' })).total).toBe(0);
    expect(await call('cases.queueChoices', null)).toMatchObject({
      caseTypes: [expect.objectContaining({ code: expect.any(String) as string })],
      ownerAgencies: [{ name: 'Fire Service' }, { name: 'Riverton Council' }],
    });
  });

  it('keeps the cache encrypted: no case title or agency name in the raw bytes, and the key only in the keychain', async () => {
    const state = await call<{ state: string; user: SessionUser }>('session.state', null);
    const location = cacheLocation(dataDir, server.url, state.user.id);
    const key = await keychain.get(location.keyAccount);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const files = filesUnder(dataDir);
    expect(files).toContain(location.file);
    expect(findInFiles(files, [titles.own, titles.shared, 'Riverton Council', key!])).toEqual([]);
    expect(readFileSync(location.file).subarray(0, 16).toString('latin1')).not.toContain('SQLite format 3');
    // The refresh token lives in the keychain too, never on disk.
    const refresh = await keychain.get(location.refreshTokenAccount);
    expect(refresh).toBeTruthy();
    expect(findInFiles(files, [refresh!])).toEqual([]);
  });

  it('cannot open the cache file without its key', async () => {
    const state = await call<{ user: SessionUser }>('session.state', null);
    const location = cacheLocation(dataDir, server.url, state.user.id);
    expect(() => openEncryptedDb(location.file, '0'.repeat(64))).toThrow(/cannot be opened/);
    const key = (await keychain.get(location.keyAccount))!;
    const db = openEncryptedDb(location.file, key);
    expect(db.prepare('select count(*) as n from cases').get()).toEqual({ n: 2 });
    db.close();
  });

  it('signs out with a wipe: cache files and keychain entries are gone', async () => {
    const state = await call<{ user: SessionUser }>('session.state', null);
    const location = cacheLocation(dataDir, server.url, state.user.id);
    await call('session.signOut', { wipeCache: true });
    expect(filesUnder(dataDir).filter((f) => f.startsWith(location.file))).toEqual([]);
    expect(await keychain.get(location.keyAccount)).toBeNull();
    expect(await keychain.get(location.refreshTokenAccount)).toBeNull();
    expect(await call('session.state', null)).toEqual({ state: 'signed_out' });
  });
});
