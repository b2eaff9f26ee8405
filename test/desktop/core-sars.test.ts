/**
 * The `sars.*` and `sarConsultations.*` channels of the desktop core against a real server
 * (docs/audit.md): a data officer finds a person and logs a request, the owner agency's officer
 * answers the consultation, the bundle comes back once complete; bad input is refused before the
 * server is asked, a practitioner by the server, and offline each call says it needs a connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SarPart } from '../../domain/entities/sar.ts';
import type { SarBundleFiles, SarDetail } from '../../domain/http/sar-routes.ts';
import { newId } from '../../domain/ids.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { buildPerson } from '../support/case-factories.ts';
import { callCore } from '../support/core-call.ts';
import { startTestCore, type TestCore } from '../support/core-world.ts';
import { buildAgency, buildCase, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

describe('subject access requests from the desktop core', () => {
  let server: TestServer;
  let desktop: TestCore;
  let core: DesktopCore;
  const net = { offline: false };
  let councilOfficer: { username: string; password: string };
  let policeOfficer: { username: string; password: string };
  let practitioner: { username: string; password: string };
  let personId: string;

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const council = await buildAgency(server.db, { name: 'Synthetic Council', kind: 'council' });
    const police = await buildAgency(server.db, { name: 'Synthetic Police', kind: 'police' });
    councilOfficer = await buildUser(server.db, { agencyId: council, role: 'data_officer', password: 'officer-pass-1' });
    policeOfficer = await buildUser(server.db, { agencyId: police, role: 'data_officer', password: 'officer-pass-2' });
    practitioner = await buildUser(server.db, { agencyId: council, password: 'practitioner-pass-1' });
    personId = await buildPerson(server.db, { ownerAgencyId: police, givenName: 'Isolde', familyName: 'Marrowby' });
    const shared = await buildCase(server.db, { ownerAgencyId: police, sharingLevel: 'shared', sharedAgencyIds: [council] });
    await server.db.insertInto('case_subjects').values({ id: newId(), case_id: shared.id, person_id: personId, role: 'victim', created_at: '2026-11-01T09:00:00.000Z' }).execute();
    desktop = startTestCore(server, 'cb-core-sar-', {
      fetchImpl: (input, init) => (net.offline ? Promise.reject(new TypeError('fetch failed')) : fetch(input, init)),
    });
    ({ core } = desktop);
  });
  afterAll(async () => {
    await desktop.stop();
    await server.stop();
  });

  it('refuses a practitioner (the server decides) and bad input (before the server is asked)', async () => {
    await callCore(core, 'session.signIn', practitioner);
    expect(await core.handle('sars.list', { status: 'open' })).toMatchObject({ ok: false, error: { code: 'authorization_error' } });
    await callCore(core, 'session.signOut', { wipeCache: true, discardUnsent: true });
    await callCore(core, 'session.signIn', councilOfficer);
    expect(await core.handle('sars.extend', { sarId: newId(), months: 3, reason: 'Complex request here', expectedVersion: 1 }))
      .toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await core.handle('sars.findPerson', { text: 'M' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
  });

  it('finds the person, logs the request, and hands over the bundle once the police have answered', async () => {
    const found = await callCore<{ persons: Array<{ id: string }> }>(core, 'sars.findPerson', { text: 'Marrowby' });
    expect(found.persons.map((p) => p.id)).toEqual([personId]);
    const sar = await callCore<SarDetail>(core, 'sars.create', {
      personId, reference: 'SAR-CORE-1', receivedOn: '2026-11-02', requesterName: 'Isolde Marrowby', requesterRelation: 'data_subject', requesterContact: 'By post',
    });
    expect(sar.consultationStates.map((c) => c.status)).toEqual(['pending']);
    expect([sar.calendarDueOn, sar.dueOn]).toEqual(['2026-12-02', '2026-12-02']);
    // The council's own part, to redact before the bundle: the police case is the police's, so not in it.
    const own = await callCore<SarPart>(core, 'sars.ownPart', { sarId: sar.id });
    expect([own.agency.name, own.items.map((i) => i.type)]).toEqual(['Synthetic Council', []]);
    expect(await core.handle('sars.ownPart', { sarId: 'not-an-id' })).toMatchObject({ ok: false, error: { code: 'validation_error' } });
    expect(await core.handle('sars.bundle', { sarId: sar.id, redactions: {} })).toMatchObject({ ok: false, error: { code: 'conflict' } });

    await callCore(core, 'session.signOut', { wipeCache: true, discardUnsent: true });
    await callCore(core, 'session.signIn', policeOfficer);
    const inbox = await callCore<{ consultations: Array<{ id: string }> }>(core, 'sarConsultations.list', null);
    await callCore(core, 'sarConsultations.release', { consultationId: inbox.consultations[0]!.id, redactions: {} });

    await callCore(core, 'session.signOut', { wipeCache: true, discardUnsent: true });
    await callCore(core, 'session.signIn', councilOfficer);
    const files = await callCore<SarBundleFiles>(core, 'sars.bundle', { sarId: sar.id, redactions: {} });
    expect(files.fileBaseName).toBe('sar-SAR-CORE-1');
    expect(Buffer.from(files.pdfBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(JSON.parse(files.json)).toMatchObject({ format: 'casebridge-sar-bundle/v1', request: { reference: 'SAR-CORE-1' } });
  });

  it('says a request needs a connection when offline', async () => {
    net.offline = true;
    try {
      expect(await core.handle('sars.list', { status: 'open' })).toMatchObject({ ok: false, error: { code: 'network_error' } });
    } finally {
      net.offline = false;
    }
  });
});
