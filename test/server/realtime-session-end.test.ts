/** The real-time socket ends with the session: the same cut-off as HTTP, and closed at once by a reset or revocation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { openPokeSocket, type PokeSocket } from './realtime-socket.ts';

interface Pair { accessToken: string; refreshToken: string }

describe.each(testDialects())('real-time sockets and ended sessions on %s', (dialect) => {
  let server: TestServer;
  let clock = new Date('2026-11-02T10:00:00.000Z');
  let agencyId = '';
  let adminToken = '';
  let counter = 0;
  const sockets: PokeSocket[] = [];

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => clock });
    agencyId = await buildAgency(server.db, { name: 'Council' });
    const admin = await buildUser(server.db, { agencyId, role: 'agency_admin' });
    adminToken = (await login(admin)).accessToken;
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server.stop();
  });

  const tick = () => {
    clock = new Date(clock.getTime() + 1000);
  };
  async function login(user: { username: string; password: string }, deviceId?: string): Promise<Pair> {
    const res = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: user.username, password: user.password, ...(deviceId ? { deviceId } : {}) } });
    expect(res.statusCode).toBe(200);
    return res.json<Pair>();
  }
  const post = (url: string, token: string, payload?: object) =>
    server.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });
  const newUser = async () => {
    counter += 1;
    return buildUser(server.db, { agencyId, username: `socket.user.${counter}`, password: `pass-socket-${counter}` });
  };

  it('refuses a socket whose token was issued before an admin reset of the second factor, like HTTP does', async () => {
    const user = await newUser();
    const before = (await login(user)).accessToken;
    tick();
    expect((await post(`/users/${user.id}/totp/reset`, adminToken)).statusCode).toBe(200);
    tick();
    expect((await server.app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${before}` } })).statusCode).toBe(401);
    await expect(openPokeSocket(server.url, before)).rejects.toThrow('closed 4401');
    // A token from a sign-in after the reset opens a socket as usual.
    const after = (await login(user)).accessToken;
    const socket = await openPokeSocket(server.url, after);
    sockets.push(socket);
    expect(await socket.closed(300)).toBeNull();
  });

  it('closes an open socket at once, with 4401 and a reason, when an admin resets the second factor', async () => {
    const user = await newUser();
    const socket = await openPokeSocket(server.url, (await login(user)).accessToken);
    sockets.push(socket);
    const bystander = await openPokeSocket(server.url, (await login(await newUser())).accessToken);
    sockets.push(bystander);
    tick();
    expect((await post(`/users/${user.id}/totp/reset`, adminToken)).statusCode).toBe(200);
    expect(await socket.closed(2000)).toEqual({ code: 4401, reason: 'second factor reset' });
    expect(await bystander.closed(300)).toBeNull();
  });

  it('closes the sockets of a revoked device, and not those of the same user on another device', async () => {
    const user = await newUser();
    const first = await login(user);
    const device = (await post('/devices', first.accessToken, { name: 'Laptop 1' })).json<{ id: string }>();
    const other = (await post('/devices', first.accessToken, { name: 'Laptop 2' })).json<{ id: string }>();
    const revokedAccess = (await login(user, device.id)).accessToken;
    const onDevice = await openPokeSocket(server.url, revokedAccess);
    const onOther = await openPokeSocket(server.url, (await login(user, other.id)).accessToken);
    sockets.push(onDevice, onOther);
    expect((await post(`/devices/${device.id}/revoke`, adminToken)).statusCode).toBe(200);
    expect(await onDevice.closed(2000)).toEqual({ code: 4401, reason: 'device revoked' });
    expect(await onOther.closed(300)).toBeNull();
    // A token bound to the revoked device opens no new socket; the other device's still does.
    const stillHeld = (await login(user, other.id)).accessToken;
    await expect(openPokeSocket(server.url, revokedAccess)).rejects.toThrow('closed 4401');
    const again = await openPokeSocket(server.url, stillHeld);
    sockets.push(again);
    expect(await again.closed(300)).toBeNull();
  });
});
