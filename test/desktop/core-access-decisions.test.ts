/**
 * Deciding access requests through the desktop core against a real server and real encrypted caches:
 * a council officer (one core) asks the police for a police case; the police's team manager (a
 * second core) lists it named from their own copy, approves it with an expiry, and the case reaches
 * the officer's copy through sync; when the grant lapses (the expiry sweep) it leaves again and the
 * officer's list says expired. A denial carries its reason to the requester, a revoked grant takes
 * the case away, a request decided meanwhile is a conflict, a manager's own request is never theirs
 * to decide, bad input changes nothing, and offline it says the requests are on the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRequestRecord } from '../../domain/entities/access-request.ts';
import type { AccessRequestView } from '../../domain/ipc/access-request-channels.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { sweepExpiredGrants } from '../../server/access-requests/expire-grants.ts';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const REASON = 'Joint visit planned next week; need to check the case history first.';
const DAY_MS = 86_400_000;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

describe('deciding access requests from the desktop core', () => {
  let server: TestServer;
  const desktops: TestCore[] = [];
  let officerCore: DesktopCore;
  let managerCore: DesktopCore;
  const net = { offline: false };
  let officer: { id: string; username: string; password: string };
  let manager: { id: string; username: string; password: string };
  let admin: WorldUser;
  let council = '';
  let police = '';
  const cases: Record<'expiring' | 'denied' | 'revoked' | 'raced' | 'ownOnly', { id: string; title: string; reference: string }> = {} as never;

  const list = async (core: DesktopCore) => (await callCore<{ requests: AccessRequestView[] }>(core, 'accessRequests.list', null)).requests;
  const ask = (core: DesktopCore, caseId: string) => callCore<AccessRequestRecord>(core, 'accessRequests.create', { resourceType: 'case', resourceId: caseId, reason: REASON });
  const sync = (core: DesktopCore) => callCore(core, 'sync.now', null);
  const caseDetail = (core: DesktopCore, caseId: string) => core.handle('cases.detail', { caseId });
  const requestRow = (id: string) => server.db.selectFrom('access_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    council = await buildAgency(server.db, { name: 'Riverton Council', code: 'RDC' });
    police = await buildAgency(server.db, { name: 'Northshire Police', kind: 'police', code: 'RDP' });
    officer = await buildUser(server.db, { agencyId: council, teamIds: [await buildTeam(server.db, council, 'ASB')], password: 'council-pass-1' });
    const response = await buildTeam(server.db, police, 'Response');
    const cid = await buildTeam(server.db, police, 'CID');
    manager = await buildUser(server.db, { agencyId: police, role: 'team_manager', teamIds: [response], password: 'police-pass-1' });
    const adminUser = await buildUser(server.db, { agencyId: police, role: 'agency_admin', password: 'police-pass-2' });
    admin = { id: adminUser.id, agencyId: police, teamIds: [], role: 'agency_admin', token: await signIn(server, adminUser.username, adminUser.password) };
    for (const key of ['expiring', 'denied', 'revoked', 'raced'] as const) {
      cases[key] = await buildCase(server.db, { ownerAgencyId: police, title: `Police matter ${key}` });
    }
    // Owner-only to CID: the Response manager cannot see it and may ask for it like anyone else.
    cases.ownOnly = await buildCase(server.db, { ownerAgencyId: police, title: 'CID operation', sharingLevel: 'owner_only', ownerTeamId: cid });

    for (const [prefix, user] of [['cb-core-decide-officer-', officer], ['cb-core-decide-manager-', manager]] as const) {
      const desktop = startTestCore(server, prefix, {
        fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
      });
      desktops.push(desktop);
      await callCore(desktop.core, 'session.signIn', user);
      await sync(desktop.core);
    }
    [officerCore, managerCore] = [desktops[0]!.core, desktops[1]!.core];
  });
  afterAll(async () => {
    for (const desktop of desktops) {
      await desktop.stop();
    }
    await server.stop();
  });

  it("lists the officer's request in the police manager's inbox, named from the manager's copy, and in the officer's own list without the record's name", async () => {
    // The officer finds the case by its reference: a signpost naming the police, nothing of its content.
    expect(await callCore(officerCore, 'accessRequests.findCase', { reference: cases.expiring.reference })).toEqual({
      result: { view: 'signpost', id: cases.expiring.id, reference: cases.expiring.reference, ownerAgency: { id: police, name: 'Northshire Police' }, requestAccess: true },
    });
    const sent = await ask(officerCore, cases.expiring.id);
    const [inbox] = (await list(managerCore)).filter((r) => r.id === sent.id);
    expect(inbox).toMatchObject({
      status: 'pending', reason: REASON, requesterUserId: officer.id, requesterName: expect.stringMatching(/^User \d+$/) as unknown,
      requesterAgencyName: 'Riverton Council', ownerAgencyName: 'Northshire Police',
      resourceLabel: `${cases.expiring.reference} — ${cases.expiring.title}`, abilities: { decide: true, revoke: false },
    });
    // The officer cannot see the case: the list names the agency, not the record.
    expect((await list(officerCore)).find((r) => r.id === sent.id)).toMatchObject({ status: 'pending', resourceLabel: null, abilities: { decide: false, revoke: false } });
  });

  it('refuses an expiry past 90 days or in the past, and a denial without a reason, changing nothing', async () => {
    const [request] = (await list(managerCore)).filter((r) => r.resourceId === cases.expiring.id);
    for (const expiresAt of [inDays(91), inDays(-1)]) {
      expect(await managerCore.handle('accessRequests.approve', { id: request!.id, expiresAt, expectedVersion: request!.version }))
        .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    }
    expect(await managerCore.handle('accessRequests.deny', { id: request!.id, note: '   ', expectedVersion: request!.version }))
      .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await requestRow(request!.id)).toMatchObject({ status: 'pending', version: 1 });
  });

  it('approves with an expiry; after sync the case is on the officer’s computer; when the grant lapses it leaves and the request says expired', async () => {
    const [request] = (await list(managerCore)).filter((r) => r.resourceId === cases.expiring.id);
    expect(await caseDetail(officerCore, cases.expiring.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const approved = await callCore<AccessRequestRecord>(managerCore, 'accessRequests.approve', { id: request!.id, expiresAt: inDays(30), expectedVersion: request!.version });
    expect(approved).toMatchObject({ status: 'approved', decidedBy: manager.id, grant: { revokedAt: null } });
    await sync(officerCore);
    expect(await caseDetail(officerCore, cases.expiring.id)).toMatchObject({ ok: true, value: { case: { reference: cases.expiring.reference } } });
    expect(await callCore(officerCore, 'accessRequests.findCase', { reference: cases.expiring.reference })).toEqual({
      result: { view: 'visible', id: cases.expiring.id, reference: cases.expiring.reference },
    });
    const mine = (await list(officerCore)).find((r) => r.id === request!.id);
    expect(mine).toMatchObject({ status: 'approved', grant: { expiresAt: approved.grant!.expiresAt }, resourceLabel: `${cases.expiring.reference} — ${cases.expiring.title}` });

    // The grant lapses: its expiry moves into the past and the server's sweep records it.
    await server.db.updateTable('access_grants').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('request_id', '=', request!.id).execute();
    expect(await sweepExpiredGrants(server.ctx)).toBe(1);
    await sync(officerCore);
    expect(await caseDetail(officerCore, cases.expiring.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await list(officerCore)).find((r) => r.id === request!.id)).toMatchObject({ status: 'expired', resourceLabel: null });
  });

  it('denies with a reason the officer sees; nothing reaches their computer', async () => {
    const sent = await ask(officerCore, cases.denied.id);
    const denied = await callCore<AccessRequestRecord>(managerCore, 'accessRequests.deny', { id: sent.id, note: 'Not needed for a joint visit.', expectedVersion: sent.version });
    expect(denied).toMatchObject({ status: 'denied', grant: null });
    await sync(officerCore);
    expect((await list(officerCore)).find((r) => r.id === sent.id)).toMatchObject({ status: 'denied', decisionNote: 'Not needed for a joint visit.' });
    expect(await caseDetail(officerCore, cases.denied.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('revokes a grant early: after sync the case leaves the officer’s computer and the request says revoked', async () => {
    const sent = await ask(officerCore, cases.revoked.id);
    const approved = await callCore<AccessRequestRecord>(managerCore, 'accessRequests.approve', { id: sent.id, expiresAt: inDays(60), expectedVersion: sent.version });
    await sync(officerCore);
    expect(await caseDetail(officerCore, cases.revoked.id)).toMatchObject({ ok: true });
    expect((await list(managerCore)).find((r) => r.id === sent.id)).toMatchObject({ status: 'approved', abilities: { decide: false, revoke: true } });

    const revoked = await callCore<AccessRequestRecord>(managerCore, 'accessRequests.revokeGrant', { grantId: approved.grant!.id });
    expect(revoked).toMatchObject({ status: 'revoked', grant: { revokedAt: expect.any(String) as unknown } });
    expect(await managerCore.handle('accessRequests.revokeGrant', { grantId: approved.grant!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    await sync(officerCore);
    expect(await caseDetail(officerCore, cases.revoked.id)).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect((await list(officerCore)).find((r) => r.id === sent.id)).toMatchObject({ status: 'revoked' });
  });

  it('answers conflict when the request was decided meanwhile, and the first decision stands', async () => {
    const sent = await ask(officerCore, cases.raced.id);
    const [loaded] = (await list(managerCore)).filter((r) => r.id === sent.id);
    // The agency admin denies it first, from another computer.
    expect((await call(server, admin, 'POST', `/access-requests/${sent.id}/deny`, { note: 'Refer to CID instead.', expectedVersion: sent.version })).status).toBe(200);
    expect(await managerCore.handle('accessRequests.approve', { id: sent.id, expiresAt: inDays(7), expectedVersion: loaded!.version }))
      .toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await requestRow(sent.id)).toMatchObject({ status: 'denied', decision_note: 'Refer to CID instead.' });
    expect(await server.db.selectFrom('access_grants').select('id').where('request_id', '=', sent.id).execute()).toEqual([]);
  });

  it("never lets a manager decide their own request: it is listed without the decision, and the server refuses it", async () => {
    const own = await ask(managerCore, cases.ownOnly.id);
    expect(own.ownerAgencyId).toBe(police);
    expect((await list(managerCore)).find((r) => r.id === own.id)).toMatchObject({ status: 'pending', abilities: { decide: false, revoke: false } });
    expect(await managerCore.handle('accessRequests.approve', { id: own.id, expiresAt: inDays(7), expectedVersion: own.version }))
      .toMatchObject({ ok: false, error: { code: 'authorization_error' } });
    expect(await managerCore.handle('accessRequests.deny', { id: own.id, note: 'No.', expectedVersion: own.version }))
      .toMatchObject({ ok: false, error: { code: 'authorization_error' } });
    expect(await requestRow(own.id)).toMatchObject({ status: 'pending', version: 1 });
    // Another decider of the agency may.
    expect((await call(server, admin, 'POST', `/access-requests/${own.id}/deny`, { note: 'Ask CID directly.', expectedVersion: own.version })).status).toBe(200);
  });

  it('says the requests are on the server when it cannot be reached', async () => {
    net.offline = true;
    try {
      expect(await managerCore.handle('accessRequests.list', null)).toEqual({
        ok: false, error: { code: 'network_error', message: 'Access requests are kept on the server: try again when this computer is connected.' },
      });
    } finally {
      net.offline = false;
    }
  });
});
