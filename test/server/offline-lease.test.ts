import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineLeaseSigner } from '../../server/auth/offline-lease.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
interface Pair { accessToken: string; refreshToken: string; offlineLease?: string }

describe('offline lease issued with sign-in and refresh', () => {
  let server: TestServer;
  let user: { id: string; username: string; password: string };
  const at = new Date('2025-03-01T09:00:00Z');

  beforeAll(async () => {
    server = await startTestServer('sqlite', { now: () => at });
    user = await buildUser(server.db, { agencyId: await buildAgency(server.db), password: 'lease-pass-1' });
  });
  afterAll(() => server.stop());

  const post = async (url: string, payload: object, token?: string) =>
    server.app.inject({ method: 'POST', url, payload, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('signs { sub, device, notAfter } for 72 hours with the server secret, bound to the device after refresh', async () => {
    const login = (await post('/auth/login', { username: user.username, password: user.password })).json<Pair>();
    const signer = createOfflineLeaseSigner(SECRET);
    const first = await signer.verify(login.offlineLease!, at);
    expect(first).toEqual({ userId: user.id, deviceId: null, notAfter: new Date(at.getTime() + 72 * 3_600_000) });
    expect(decodeJwt(login.offlineLease!).notAfter).toBe('2025-03-04T09:00:00.000Z');

    const device = (await post('/devices', { name: 'Laptop' }, login.accessToken)).json<{ id: string }>();
    const refreshed = (await post('/auth/refresh', { refreshToken: login.refreshToken, deviceId: device.id })).json<Pair>();
    expect((await signer.verify(refreshed.offlineLease!, at)).deviceId).toBe(device.id);
  });

  it('is refused after notAfter, with another secret, and as an access token', async () => {
    const login = (await post('/auth/login', { username: user.username, password: user.password })).json<Pair>();
    const lease = login.offlineLease!;
    await expect(createOfflineLeaseSigner(SECRET).verify(lease, new Date(at.getTime() + 73 * 3_600_000))).rejects.toMatchObject({ code: 'authentication_error' });
    await expect(createOfflineLeaseSigner('x'.repeat(48)).verify(lease, at)).rejects.toMatchObject({ code: 'authentication_error' });
    const me = await server.app.inject({ method: 'GET', url: '/me', headers: { authorization: `Bearer ${lease}` } });
    expect(me.statusCode).toBe(401);
  });
});
