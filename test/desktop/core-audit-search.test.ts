/**
 * The `audit.search` channel of the desktop core against a real server: a data officer pages their
 * agency's trail (partners' reads of their case included) with filters; a practitioner is refused by
 * the server; bad filters are refused before any request; offline it says it needs a connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditSearchPage } from '../../domain/audit/audit-search.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { call, signIn, type WorldUser } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildCase, buildTeam, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { auditJustification } from '../support/audit-details.ts';

describe('searching the audit trail from the desktop core', () => {
  let server: TestServer;
  let desktop: TestCore;
  let core: DesktopCore;
  const net = { offline: false };
  let officer: { id: string; username: string; password: string };
  let practitioner: { id: string; username: string; password: string };
  let partner: WorldUser;
  let caseId = '';

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Riverton Council', code: 'RAS' });
    const police = await buildAgency(server.db, { name: 'Northshire Police', kind: 'police', code: 'RAP' });
    officer = await buildUser(server.db, { agencyId: council, role: 'data_officer', password: 'officer-pass-1' });
    practitioner = await buildUser(server.db, { agencyId: council, teamIds: [await buildTeam(server.db, council, 'ASB')], password: 'council-pass-1' });
    const constable = await buildUser(server.db, { agencyId: police, password: 'police-pass-1' });
    partner = { id: constable.id, agencyId: police, teamIds: [], role: 'practitioner', token: await signIn(server, constable.username, constable.password) };
    caseId = (await buildCase(server.db, { ownerAgencyId: council, sharingLevel: 'shared', sharedAgencyIds: [police] })).id;
    // Three reads of the council's case by the police: the council's data officer sees each.
    for (let i = 0; i < 3; i += 1) {
      expect((await call(server, partner, 'GET', `/cases/${caseId}`)).status).toBe(200);
    }
    desktop = startTestCore(server, 'cb-core-audit-', {
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    ({ core } = desktop);
  });
  afterAll(async () => {
    await desktop.stop();
    await server.stop();
  });

  it('needs a signed-in session', async () => {
    expect(await core.handle('audit.search', {})).toMatchObject({ ok: false, error: { code: 'not_signed_in' } });
  });

  it("pages a data officer's trail newest first with a cursor, including a partner's reads of the agency's case", async () => {
    await callCore(core, 'session.signIn', officer);
    const first = await callCore<AuditSearchPage>(core, 'audit.search', { caseId, action: 'record.view', limit: 2 });
    expect(first.events.map((e) => [e.userId, e.agencyId, e.caseId])).toEqual([[partner.id, partner.agencyId, caseId], [partner.id, partner.agencyId, caseId]]);
    expect(first.nextCursor).toBe(first.events[1]!.seq);
    const second = await callCore<AuditSearchPage>(core, 'audit.search', { caseId, action: 'record.view', limit: 2, cursor: first.nextCursor });
    expect(second.events).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(second.events[0]!.seq).toBeLessThan(first.events[1]!.seq);
  });

  it('refuses bad filters as validation_error before asking the server', async () => {
    const before = await server.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    for (const input of [{ action: 'record.steal' }, { from: 'yesterday' }, { limit: 501 }, { caseId: 'not-an-id' }, { extra: 1 }]) {
      expect(await core.handle('audit.search', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    }
    const after = await server.db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('opens a case of the agency through break-glass, recorded with the justification, and refuses a short one', async () => {
    const justification = 'Complaint ref 2026/118: checking who changed the risk level.';
    const before = await server.db.selectFrom('audit_events').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow();
    const detail = await callCore<{ id: string; abilities: Record<string, boolean> }>(core, 'audit.breakGlassCase', { caseId, justification });
    expect(detail.id).toBe(caseId);
    expect(detail.abilities.update).toBe(false);
    // The officer's own events since the call, less the background sync's (which may land at any time).
    const events = await server.db.selectFrom('audit_events').selectAll().where('user_id', '=', officer.id).where('seq', '>', Number(before.seq))
      .where('action', '<>', 'record.sync').orderBy('seq').execute();
    expect(await Promise.all(events.map(async (e) => [e.action, e.entity_id, await auditJustification(server.db, e), e.outcome])))
      .toEqual([['record.break_glass_view', caseId, justification, 'success']]);
    expect(await core.handle('audit.breakGlassCase', { caseId, justification: 'because' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });

  it('says the trail needs a connection when offline', async () => {
    net.offline = true;
    try {
      const result = await core.handle('audit.search', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'network_error' } });
      expect(!result.ok && result.error.message).toMatch(/connected/);
      const glass = await core.handle('audit.breakGlassCase', { caseId, justification: 'Complaint ref 2026/118: checking the record.' });
      expect(glass).toMatchObject({ ok: false, error: { code: 'network_error' } });
    } finally {
      net.offline = false;
    }
  });

  it("passes on the server's refusal of a practitioner", async () => {
    await callCore(core, 'session.signOut', { wipeCache: true, discardUnsent: true });
    await callCore(core, 'session.signIn', practitioner);
    expect(await core.handle('audit.search', {})).toMatchObject({ ok: false, error: { code: 'authorization_error' } });
  });
});
