import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

interface Pair { accessToken: string; refreshToken: string }
interface ErrorAnswer { error: { code: string } }

describe.each(testDialects())('devices on %s', (dialect) => {
  let server: TestServer;
  let agencyId: string;
  let otherAgencyId: string;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    agencyId = await buildAgency(server.db);
    otherAgencyId = await buildAgency(server.db);
  });
  afterAll(() => server.stop());

  const call = (method: 'GET' | 'POST', url: string, opts: { payload?: object; token?: string; device?: string } = {}) =>
    server.app.inject({
      method, url, ...(opts.payload ? { payload: opts.payload } : {}),
      headers: { ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}), ...(opts.device ? { 'x-casebridge-device': opts.device } : {}) },
    });
  const signIn = async (username: string, password: string, deviceId?: string) =>
    (await call('POST', '/auth/login', { payload: { username, password, ...(deviceId ? { deviceId } : {}) } })).json<Pair>();
  const register = async (token: string, name: string) =>
    (await call('POST', '/devices', { payload: { name }, token })).json<{ id: string; revokedAt: string | null }>();

  it('registers a device, binds sign-in to it, and after an admin revokes it refuses requests, refresh and sign-in with device_revoked', async () => {
    const user = await buildUser(server.db, { agencyId, username: 'device.owner', password: 'pass-device-1' });
    const admin = await buildUser(server.db, { agencyId, username: 'device.admin', role: 'agency_admin', password: 'pass-admin-1' });
    const first = await signIn(user.username, user.password);
    const device = await register(first.accessToken, 'Laptop 42');
    expect(device.revokedAt).toBeNull();
    const session = await signIn(user.username, user.password, device.id);
    expect((await call('GET', '/me', { token: session.accessToken, device: device.id })).statusCode).toBe(200);

    const adminToken = (await signIn(admin.username, admin.password)).accessToken;
    const listed = (await call('GET', '/devices', { token: adminToken })).json<{ devices: Array<{ id: string }> }>();
    expect(listed.devices.map((d) => d.id)).toContain(device.id);
    const revoke = await call('POST', `/devices/${device.id}/revoke`, { token: adminToken });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json<{ revokedAt: string | null }>().revokedAt).not.toBeNull();

    for (const res of [
      await call('GET', '/me', { token: first.accessToken, device: device.id }),
      await call('GET', '/me', { token: session.accessToken }),
      await call('POST', '/auth/refresh', { payload: { refreshToken: session.refreshToken } }),
      await call('POST', '/auth/refresh', { payload: { refreshToken: first.refreshToken, deviceId: device.id } }),
      await call('POST', '/auth/login', { payload: { username: user.username, password: user.password, deviceId: device.id } }),
    ]) {
      expect(res.statusCode).toBe(401);
      expect(res.json<ErrorAnswer>().error.code).toBe('device_revoked');
    }
    const tokens = await server.db.selectFrom('refresh_tokens').select('revoked_at').where('device_id', '=', device.id).execute();
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((t) => t.revoked_at !== null)).toBe(true);
    const audit = await server.db.selectFrom('audit_events').select(['action', 'user_id']).where('entity_id', '=', device.id).orderBy('seq').execute();
    expect(audit).toEqual([{ action: 'device.register', user_id: user.id }, { action: 'device.revoke', user_id: admin.id }]);
  });

  it('lets the owner revoke their own device but not a colleague, and hides devices of other agencies', async () => {
    const owner = await buildUser(server.db, { agencyId, password: 'pass-owner' });
    const colleague = await buildUser(server.db, { agencyId, password: 'pass-colleague' });
    const outsider = await buildUser(server.db, { agencyId: otherAgencyId, role: 'agency_admin', password: 'pass-outsider' });
    const ownerToken = (await signIn(owner.username, owner.password)).accessToken;
    const device = await register(ownerToken, 'Desk PC');
    const colleagueToken = (await signIn(colleague.username, colleague.password)).accessToken;
    const outsiderToken = (await signIn(outsider.username, outsider.password)).accessToken;

    expect((await call('POST', `/devices/${device.id}/revoke`, { token: colleagueToken })).statusCode).toBe(403);
    expect((await call('POST', `/devices/${device.id}/revoke`, { token: outsiderToken })).statusCode).toBe(404);
    expect((await call('GET', '/devices', { token: colleagueToken })).json<{ devices: unknown[] }>().devices).toEqual([]);
    expect((await call('GET', '/devices', { token: outsiderToken })).json<{ devices: unknown[] }>().devices).toEqual([]);
    const row = await server.db.selectFrom('devices').select('revoked_at').where('id', '=', device.id).executeTakeFirstOrThrow();
    expect(row.revoked_at).toBeNull();

    expect((await call('POST', `/devices/${device.id}/revoke`, { token: ownerToken })).statusCode).toBe(200);
    expect((await call('GET', '/devices', { token: ownerToken, device: device.id })).json<ErrorAnswer>().error.code).toBe('device_revoked');
  });

  it('refuses a device header naming someone else\'s device, and a malformed one', async () => {
    const a = await buildUser(server.db, { agencyId, password: 'pass-a' });
    const b = await buildUser(server.db, { agencyId, password: 'pass-b' });
    const aToken = (await signIn(a.username, a.password)).accessToken;
    const bDevice = await register((await signIn(b.username, b.password)).accessToken, 'B laptop');
    expect((await call('GET', '/me', { token: aToken, device: bDevice.id })).statusCode).toBe(401);
    expect((await call('GET', '/me', { token: aToken, device: 'not-a-uuid' })).statusCode).toBe(400);
    expect((await call('POST', '/auth/login', { payload: { username: a.username, password: a.password, deviceId: bDevice.id } })).statusCode).toBe(401);
  });

  it('checks both devices a request names, the token\'s and the header\'s, each refused for what is wrong with it', async () => {
    const a = await buildUser(server.db, { agencyId, password: 'pass-two-a' });
    const b = await buildUser(server.db, { agencyId, password: 'pass-two-b' });
    const aFirst = await signIn(a.username, a.password);
    const [aLaptop, aTablet] = [await register(aFirst.accessToken, 'A laptop'), await register(aFirst.accessToken, 'A tablet')];
    const bLaptop = await register((await signIn(b.username, b.password)).accessToken, 'B laptop');
    const aBound = (await signIn(a.username, a.password, aLaptop.id)).accessToken;
    const codeOf = async (token: string, device?: string) => {
      const res = await call('GET', '/me', { token, ...(device ? { device } : {}) });
      return res.statusCode === 200 ? 'ok' : res.json<ErrorAnswer>().error.code;
    };
    expect(await codeOf(aBound)).toBe('ok');
    expect(await codeOf(aBound, aTablet.id)).toBe('ok');
    // The token's device is good; the header names a colleague's, or one that does not exist.
    expect(await codeOf(aBound, bLaptop.id)).toBe('authentication_error');
    expect(await codeOf(aBound, '00000000-0000-4000-8000-00000000abcd')).toBe('authentication_error');
    expect(await codeOf(aFirst.accessToken, '00000000-0000-4000-8000-00000000abcd')).toBe('authentication_error');
    // The header's device revoked, then the token's.
    await call('POST', `/devices/${aTablet.id}/revoke`, { token: aFirst.accessToken });
    expect(await codeOf(aBound, aTablet.id)).toBe('device_revoked');
    expect(await codeOf(aFirst.accessToken, aTablet.id)).toBe('device_revoked');
    expect(await codeOf(aBound)).toBe('ok');
    await call('POST', `/devices/${aLaptop.id}/revoke`, { token: aFirst.accessToken });
    expect(await codeOf(aBound)).toBe('device_revoked');
    expect(await codeOf(aBound, bLaptop.id)).toBe('device_revoked');
    // A disabled user hears that first, whatever their devices.
    await server.db.updateTable('users').set({ disabled: 1 }).where('id', '=', a.id).execute();
    const disabled = await call('GET', '/me', { token: aBound });
    expect([disabled.statusCode, disabled.json<ErrorAnswer>().error.code]).toEqual([401, 'authentication_error']);
    expect(disabled.json<{ error: { message: string } }>().error.message).toMatch(/not active/);
  });

  it('binds a refresh token family to the device named at its first refresh', async () => {
    const user = await buildUser(server.db, { agencyId, password: 'pass-bind' });
    const pair = await signIn(user.username, user.password);
    const device = await register(pair.accessToken, 'New laptop');
    const refreshed = await call('POST', '/auth/refresh', { payload: { refreshToken: pair.refreshToken, deviceId: device.id } });
    expect(refreshed.statusCode).toBe(200);
    const next = refreshed.json<Pair>();
    await call('POST', `/devices/${device.id}/revoke`, { token: next.accessToken });
    const after = await call('POST', '/auth/refresh', { payload: { refreshToken: next.refreshToken } });
    expect(after.json<ErrorAnswer>().error.code).toBe('device_revoked');
  });

  it('records the device a request came from on its audit events: bound to the token, else named by the header', async () => {
    const user = await buildUser(server.db, { agencyId, username: 'device.audited', password: 'pass-device-2' });
    const first = await signIn(user.username, user.password);
    const device = await register(first.accessToken, 'Laptop 7');
    const bound = await signIn(user.username, user.password, device.id);
    const caseId = (await call('POST', '/cases', { token: bound.accessToken, payload: { title: 'Synthetic device case', caseType: 'asb', riskLevel: 'medium' } }))
      .json<{ id: string }>().id;
    expect(caseId).toEqual(expect.any(String));
    await call('GET', `/cases/${caseId}`, { token: first.accessToken, device: device.id.toUpperCase() });
    await call('GET', `/cases/${caseId}`, { token: first.accessToken });
    const events = await server.db.selectFrom('audit_events').select(['action', 'device_id']).where('entity_id', '=', caseId).orderBy('seq').execute();
    expect(events).toEqual([
      { action: 'record.create', device_id: device.id },
      { action: 'record.view', device_id: device.id },
      { action: 'record.view', device_id: null },
    ]);
  });
});
