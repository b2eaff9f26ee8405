/**
 * Agency administration through the desktop channels, and the forced password change at sign-in:
 * real server, worker-backed encrypted caches, OS keychain; "offline" is a fetch that cannot connect.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminUser } from '../../domain/http/user-admin-routes.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { callCore } from '../support/core-call.ts';
import { buildAgency, buildTeam, buildUser } from '../support/factories.ts';
import { createTestKeychain } from '../support/keychain.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('administration through the desktop channels', () => {
  let server: TestServer;
  const dirs: string[] = [];
  const cores: DesktopCore[] = [];
  const keychain = createTestKeychain();
  const net = { offline: false };
  let admin: DesktopCore;
  let housing = '';
  let police = '';
  let team = '';

  const newCore = () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cb-core-admin-'));
    dirs.push(dataDir);
    const core = createDesktopCore({
      serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000,
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    cores.push(core);
    return core;
  };

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    housing = await buildAgency(server.db, { name: 'Synthetic Housing' });
    police = await buildAgency(server.db, { name: 'Synthetic Police' });
    team = await buildTeam(server.db, housing, 'Tenancy');
    await buildUser(server.db, { agencyId: police, username: 'police.officer' });
    const a = await buildUser(server.db, { agencyId: housing, role: 'agency_admin', username: 'housing.admin', password: 'housing-admin-pass' });
    admin = newCore();
    await callCore(admin, 'session.signIn', a);
  });
  afterAll(async () => {
    for (const core of cores) {
      await core.close();
    }
    await keychain.cleanup();
    await server.stop();
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('creates a user who must choose a new password at their first sign-in, then is signed in with it', async () => {
    const created = await callCore<{ user: AdminUser; temporaryPassword: string }>(admin, 'admin.users.create', {
      username: 'Fresh.Starter', displayName: 'Fresh Starter', role: 'practitioner', teamIds: [team],
    });
    expect(created.user).toMatchObject({ username: 'fresh.starter', mustChangePassword: true, teamIds: [team] });

    const newcomer = newCore();
    const first = await newcomer.handle('session.signIn', { username: 'fresh.starter', password: created.temporaryPassword });
    expect(first).toMatchObject({ ok: false, error: { code: 'password_change_required' } });
    expect(await newcomer.handle('session.state', null)).toMatchObject({ ok: true, value: { state: 'signed_out' } });

    const tooShort = await newcomer.handle('session.changePassword', { username: 'fresh.starter', password: created.temporaryPassword, newPassword: 'short' });
    expect(tooShort).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    const user = await callCore<{ username: string }>(newcomer, 'session.changePassword', {
      username: 'fresh.starter', password: created.temporaryPassword, newPassword: 'my own long passphrase',
    });
    expect(user.username).toBe('fresh.starter');
    expect(await newcomer.handle('session.state', null)).toMatchObject({ ok: true, value: { state: 'signed_in' } });

    const listed = await callCore<{ users: AdminUser[] }>(admin, 'admin.users.list', {});
    expect(listed.users.find((u) => u.username === 'fresh.starter')).toMatchObject({ mustChangePassword: false });
  });

  it("lists only the admin's own agency and refuses another agency's with authorization_error", async () => {
    const listed = await callCore<{ users: AdminUser[] }>(admin, 'admin.users.list', {});
    expect(listed.users.every((u) => u.agencyId === housing)).toBe(true);
    expect(listed.users.map((u) => u.username)).not.toContain('police.officer');
    expect(await admin.handle('admin.users.list', { agencyId: police })).toEqual({
      ok: false, error: { code: 'authorization_error', message: 'You can only manage users and teams of your own agency.' },
    });
  });

  it('moves users between teams, creates teams and lists devices', async () => {
    const made = await callCore<{ id: string }>(admin, 'admin.teams.create', { name: 'Estates' });
    const listed = await callCore<{ users: AdminUser[] }>(admin, 'admin.users.list', {});
    const someone = listed.users.find((u) => u.username === 'fresh.starter')!;
    const moved = await callCore<AdminUser>(admin, 'admin.users.setTeams', { userId: someone.id, teamIds: [made.id] });
    expect(moved.teamIds).toEqual([made.id]);
    const devices = await callCore<{ devices: Array<{ userId: string }> }>(admin, 'admin.devices.list', null);
    expect(devices.devices.map((d) => d.userId)).toContain(someone.id);
  });

  it('lets a system administrator add and change a MARAC area; an agency admin is refused and bad input changes nothing', async () => {
    const body = { name: 'Synthetic MARAC', coordinatorAgencyId: housing, escalationIncidents: 3, escalationMonths: 12 };
    expect(await admin.handle('admin.maracAreas.create', body)).toMatchObject({ ok: false, error: { code: 'authorization_error' } });
    const sys = newCore();
    await callCore(sys, 'session.signIn', await buildUser(server.db, { agencyId: police, role: 'system_admin', username: 'sys.admin', password: 'sys-admin-pass-1' }));
    const made = await callCore<{ id: string }>(sys, 'admin.maracAreas.create', body);
    expect(await sys.handle('admin.maracAreas.update', { ...body, areaId: made.id, escalationIncidents: 1 })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    const changed = await callCore(sys, 'admin.maracAreas.update', { ...body, areaId: made.id, name: 'Synthetic Riverside MARAC', coordinatorAgencyId: police });
    expect(changed).toMatchObject({ id: made.id, name: 'Synthetic Riverside MARAC', coordinatorAgency: { id: police, name: 'Synthetic Police' }, escalationIncidents: 3 });
    const listed = await callCore<{ areas: Array<{ name: string; escalationIncidents: number }> }>(admin, 'marac.areas', null);
    expect(listed.areas.map((a) => [a.name, a.escalationIncidents])).toEqual([['Synthetic Riverside MARAC', 3]]);
  });

  it('answers network_error offline, changing nothing', async () => {
    net.offline = true;
    try {
      expect(await admin.handle('admin.users.list', {})).toEqual({
        ok: false, error: { code: 'network_error', message: 'Administration needs a connection to the server: try again when this computer is connected.' },
      });
      expect(await admin.handle('admin.teams.create', { name: 'Offline team' })).toMatchObject({ ok: false, error: { code: 'network_error' } });
    } finally {
      net.offline = false;
    }
    const teams = await callCore<{ teams: Array<{ name: string }> }>(admin, 'admin.teams.list', {});
    expect(teams.teams.map((t) => t.name)).toEqual(['Estates', 'Tenancy']);
  });
});
