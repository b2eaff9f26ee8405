import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import { sweepExpiredGrants } from '../../server/access-requests/expire-grants.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const DAY = 86_400_000;

describe.each(testDialects())('grant expiry reaches desktops as a removal on %s', (dialect) => {
  let server: TestServer;
  let clock = Date.now();
  let officer = '';
  let manager = '';
  let officerLogin = { username: '', password: '' };
  let caseId = '';

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(clock) });
    const police = await buildAgency(server.db, { name: 'Police', kind: 'police', code: 'PEX' });
    const council = await buildAgency(server.db, { name: 'Council', code: 'CEX' });
    const login = async (u: { username: string; password: string }) =>
      (await server.app.inject({ method: 'POST', url: '/auth/login', payload: u })).json<{ accessToken: string }>().accessToken;
    manager = await login(await buildUser(server.db, { agencyId: police, role: 'team_manager' }));
    officerLogin = await buildUser(server.db, { agencyId: council });
    officer = await login(officerLogin);
    caseId = (await buildCase(server.db, { ownerAgencyId: police, title: 'Granted then lapsed' })).id;
  });
  afterAll(() => server.stop());

  const call = (token: string, method: 'GET' | 'POST', url: string, payload?: object) =>
    server.app.inject({ method, url, ...(payload ? { payload } : {}), headers: { authorization: `Bearer ${token}` } });
  const pull = async (cursor: string) => (await call(officer, 'GET', `/sync/pull?cursor=${cursor}&limit=1000`)).json<PullResponse>();

  it('sends the requester a removal once the grant has expired, and records the expiry once', async () => {
    const asked = await call(officer, 'POST', '/access-requests', { resourceType: 'case', resourceId: caseId, reason: 'Supporting the victim with a housing move; need the history.' });
    const request = asked.json<{ id: string }>();
    const approved = await call(manager, 'POST', `/access-requests/${request.id}/approve`, { expiresAt: new Date(clock + DAY).toISOString(), expectedVersion: 1 });
    expect(approved.statusCode).toBe(200);

    const first = await pull('0');
    expect(first.changes.some((c) => c.entity === 'case' && c.data.id === caseId)).toBe(true);

    expect(await sweepExpiredGrants(server.ctx)).toBe(0); // not yet due
    clock += 2 * DAY;
    expect(await sweepExpiredGrants(server.ctx)).toBe(1);
    expect(await sweepExpiredGrants(server.ctx)).toBe(0); // recorded once

    // Two days on, the officer signs in again (access tokens last 15 minutes) and pulls.
    officer = (await server.app.inject({ method: 'POST', url: '/auth/login', payload: officerLogin })).json<{ accessToken: string }>().accessToken;
    const next = await pull(first.cursor);
    expect(next.removals).toContainEqual({ entity: 'case', id: caseId });
    expect(next.changes.some((c) => c.entity === 'case' && c.data.id === caseId)).toBe(false);
    const status = await server.db.selectFrom('access_requests').select('status').where('id', '=', request.id).executeTakeFirstOrThrow();
    expect(status.status).toBe('expired');
    const audit = await server.db.selectFrom('audit_events').select('details').where('entity_id', '=', request.id).where('action', '=', 'access.decision').execute();
    expect(audit.map((a) => (JSON.parse(a.details) as { decision: string }).decision)).toEqual(['approved', 'expired']);
  });
});
