/**
 * An erasure and subject access requests (docs/audit.md, "What an erased case takes with it"): the
 * erased case's items leave every part another agency already released (the rest of the part stays),
 * and the subject of a request stays even when the erased case was all that held them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SarDetail } from '../../domain/http/sar-routes.ts';
import { newId } from '../../domain/ids.ts';
import { buildCase, buildUser } from '../support/factories.ts';
import { buildPerson, buildThreeAgencyWorld, call, signIn, type WorldUser } from '../support/case-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const ERASED_TEXT = 'Synthetic tenancy note about the garden fire, to be erased';
const KEPT_TEXT = 'Synthetic tenancy note on a case that stays';
const REASON = 'Closed more than six years ago; nothing outstanding.';

describe.each(testDialects())('an erasure reaches released SAR parts, on %s', (dialect) => {
  let server: TestServer;
  let world: Awaited<ReturnType<typeof buildThreeAgencyWorld>>;
  const officers = {} as Record<'council' | 'housing', WorldUser>;
  let subjectId: string;
  let onlyHereId: string;
  let erased: { id: string; reference: string };
  let kept: { id: string };
  const addSubject = (caseId: string, personId: string) => server.db.insertInto('case_subjects')
    .values({ id: newId(), case_id: caseId, person_id: personId, role: 'victim', created_at: '2026-11-01T09:00:00.000Z' }).execute();
  const releasedPart = async () => (await server.db.selectFrom('sar_consultations').select('released_part')
    .where('owner_agency_id', '=', world.agencies.housing).executeTakeFirstOrThrow()).released_part!;

  beforeAll(async () => {
    server = await startTestServer(dialect);
    world = await buildThreeAgencyWorld(server);
    for (const key of ['council', 'housing'] as const) {
      const u = await buildUser(server.db, { agencyId: world.agencies[key], role: 'data_officer' });
      officers[key] = { id: u.id, agencyId: world.agencies[key], teamIds: [], role: 'data_officer', token: await signIn(server, u.username, u.password) };
    }
    subjectId = await buildPerson(server.db, { ownerAgencyId: world.agencies.council, givenName: 'Ottilie', familyName: 'Brackenbury' });
    onlyHereId = await buildPerson(server.db, { ownerAgencyId: world.agencies.housing, givenName: 'Lysander', familyName: 'Quillfeather' });
    await addSubject((await buildCase(server.db, { ownerAgencyId: world.agencies.council })).id, subjectId);
    erased = await buildCase(server.db, { ownerAgencyId: world.agencies.housing, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council] });
    kept = await buildCase(server.db, { ownerAgencyId: world.agencies.housing, sharingLevel: 'shared', sharedAgencyIds: [world.agencies.council] });
    for (const [c, text] of [[erased, ERASED_TEXT], [kept, KEPT_TEXT]] as const) {
      await addSubject(c.id, subjectId);
      const report = await call(server, world.users.housing.a, 'POST', `/cases/${c.id}/reports`, { kind: 'contact', title: 'Synthetic note', body: text });
      expect(report.status).toBe(200);
    }
    // Lysander is on the erased case alone, and is the subject of housing's own request.
    await addSubject(erased.id, onlyHereId);
    expect((await call(server, officers.housing, 'POST', '/sars', {
      personId: onlyHereId, reference: 'SAR-ERASE-2', receivedOn: '2026-11-02', requesterName: 'Lysander Quillfeather', requesterRelation: 'data_subject', requesterContact: 'By post',
    })).status).toBe(200);

    // The council logs a request about Ottilie; housing releases its part, both cases in it.
    const sar = await call<SarDetail>(server, officers.council, 'POST', '/sars', {
      personId: subjectId, reference: 'SAR-ERASE-1', receivedOn: '2026-11-02', requesterName: 'Ottilie Brackenbury', requesterRelation: 'data_subject', requesterContact: 'By post',
    });
    expect(sar.status).toBe(200);
    const inbox = await call<{ consultations: Array<{ id: string }> }>(server, officers.housing, 'GET', '/sar-consultations');
    expect((await call(server, officers.housing, 'POST', `/sar-consultations/${inbox.body.consultations[0]!.id}/release`, {})).status).toBe(200);
    expect(await releasedPart()).toContain(ERASED_TEXT);

    // The erased case closed long ago: housing's data officer decides to erase it.
    await server.db.updateTable('cases').set({ status: 'closed', closed_at: '2015-03-02T10:00:00.000Z' }).where('id', '=', erased.id).execute();
    expect((await call(server, officers.housing, 'POST', `/retention/cases/${erased.id}/decisions`, { decision: 'erase', reason: REASON })).status).toBe(200);
  });
  afterAll(() => server.stop());

  it('takes the erased case and its report out of the released part, keeps the rest, and keeps the request subject', async () => {
    const res = await call<{ erasedCounts: Record<string, number> }>(server, officers.housing, 'POST', `/retention/cases/${erased.id}/erase`, { confirmReference: erased.reference, reason: REASON });
    expect(res.status).toBe(200);
    const part = await releasedPart();
    expect(part).not.toContain(ERASED_TEXT);
    expect(part).not.toContain(erased.id);
    expect(part).not.toContain(erased.reference);
    expect(part).toContain(KEPT_TEXT);
    expect(part).toContain(kept.id);
    const tombstone = await server.db.selectFrom('erasure_tombstones').select('erased_counts').where('entity_id', '=', erased.id).executeTakeFirstOrThrow();
    expect(JSON.parse(tombstone.erased_counts)).toMatchObject({ sar_items: 2, persons: 0 });
    // Lysander, on the erased case alone, stays: housing's request is about him.
    expect(await server.db.selectFrom('persons').select('id').where('id', '=', onlyHereId).executeTakeFirst()).toEqual({ id: onlyHereId });
  });
});
