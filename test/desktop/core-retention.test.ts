/**
 * The retention channels of the desktop core against a real server: a data officer lists the cases
 * due, decides, holds and erases one; bad input is refused before any request; offline they say a
 * connection is needed; a practitioner gets the server's refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const REASON = 'Retention period ended; nothing requires keeping it';

describe('retention from the desktop core', () => {
  let server: TestServer;
  let desktop: TestCore;
  let core: DesktopCore;
  const net = { offline: false };
  let officer: { id: string; username: string; password: string };
  let practitioner: { id: string; username: string; password: string };
  let caseId = '';
  let reference = '';

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council', code: 'RTC' });
    officer = await buildUser(server.db, { agencyId: council, role: 'data_officer', password: 'officer-pass-1' });
    practitioner = await buildUser(server.db, { agencyId: council, teamIds: [await buildTeam(server.db, council, 'ASB')], password: 'council-pass-1' });
    ({ id: caseId, reference } = await buildCase(server.db, { ownerAgencyId: council }));
    await server.db.updateTable('cases').set({ status: 'closed', closure_reason: 'resolved', closed_at: '2018-01-10T10:00:00.000Z' }).where('id', '=', caseId).execute();
    desktop = startTestCore(server, 'cb-core-retention-', {
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    ({ core } = desktop);
  });
  afterAll(async () => {
    await desktop.stop();
    await server.stop();
  });

  it('lists the due case, records a hold that blocks erasure, and erases once released and decided', async () => {
    await callCore(core, 'session.signIn', officer);
    const { items } = await callCore<{ items: Array<{ caseId: string; dueOn: string }> }>(core, 'retention.reviews', {});
    expect(items.map((i) => [i.caseId, i.dueOn])).toEqual([[caseId, '2024-01-10']]);
    const hold = await callCore<{ id: string }>(core, 'retention.placeHold', { caseId, reason: 'Inquest pending, keep everything' });
    await callCore(core, 'retention.decide', { caseId, decision: { decision: 'erase', reason: REASON } });
    expect(await core.handle('retention.erase', { caseId, confirmReference: reference, reason: REASON })).toMatchObject({ ok: false, error: { code: 'legal_hold' } });
    await callCore(core, 'retention.releaseHold', { holdId: hold.id });
    const tombstone = await callCore<{ entityId: string; erasedBy: string }>(core, 'retention.erase', { caseId, confirmReference: reference, reason: REASON });
    expect(tombstone).toMatchObject({ entityId: caseId, erasedBy: officer.id });
    expect(await server.db.selectFrom('cases').select('id').where('id', '=', caseId).execute()).toEqual([]);
  });

  it('refuses bad input as validation_error before asking the server', async () => {
    const before = await server.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (const [channel, input] of [
      ['retention.decide', { caseId, decision: { decision: 'keep', reason: REASON } }],
      ['retention.decide', { caseId, decision: { decision: 'erase', reason: 'short' } }],
      ['retention.erase', { caseId: 'not-an-id', confirmReference: reference, reason: REASON }],
      ['retention.reviews', { dueBy: 'tomorrow' }],
      ['retention.setRule', { caseType: 'asb', reviewAfterYears: 0 }],
    ] as const) {
      expect(await core.handle(channel, input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    }
    const after = await server.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('says retention needs a connection when offline', async () => {
    net.offline = true;
    try {
      const result = await core.handle('retention.reviews', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'network_error' } });
      expect(!result.ok && result.error.message).toMatch(/connected/);
    } finally {
      net.offline = false;
    }
  });

  it("passes on the server's refusal of a practitioner", async () => {
    await callCore(core, 'session.signOut', { wipeCache: true, discardUnsent: true });
    await callCore(core, 'session.signIn', practitioner);
    expect(await core.handle('retention.reviews', {})).toMatchObject({ ok: false, error: { code: 'authorization_error' } });
    expect(await core.handle('retention.rules', null)).toMatchObject({ ok: false, error: { code: 'authorization_error' } });
  });
});
