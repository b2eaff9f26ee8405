import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { verifyAuditChain } from '../../server/audit/verify-chain.ts';
import { generateMeetingPack } from '../../server/marac/pack/generate-meeting-pack.ts';
import {
  buildMeetingPack, buildPackAgencies, buildRecipient, buildResearch, type PackAgency,
} from '../support/meeting-pack-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { openAuditTestDb, type AuditTestDb } from './audit-chain-fixture.ts';

describe.each(testDialects())('generating a meeting pack on %s', (dialect) => {
  let t: AuditTestDb;
  beforeEach(async () => {
    t = await openAuditTestDb(dialect);
  });
  afterEach(() => t.dispose());

  it('records who made each copy, for whom, when and the SHA-256 of its bytes, with the cases it holds', async () => {
    const agencies = buildPackAgencies();
    const [police, council] = agencies as [PackAgency, PackAgency];
    const pack = buildMeetingPack(agencies, { cases: 3, sentences: 2 });
    const hidden = pack.cases[2];
    if (hidden === undefined) {
      throw new Error('three cases expected');
    }
    hidden.access = { ...hidden.access, ownerAgencyId: police.id, sharingLevel: 'owner_agency', sharedAgencyIds: [] };
    hidden.research.push(buildResearch(police, { sharingLevel: 'owner_agency' }));
    const actor = { userId: newId(), agencyId: police.id, teamId: null, deviceId: null, ip: '127.0.0.1' };
    const at = new Date('2026-12-10T08:00:00.000Z');
    const forCouncil = buildRecipient(council, 'Junsel Farrow');
    const forPolice = buildRecipient(police, 'Tormar Kasel');

    const councilCopy = await generateMeetingPack(t.db, { actor, model: pack, recipient: forCouncil, at });
    const policeCopy = await generateMeetingPack(t.db, { actor, model: pack, recipient: forPolice, at });

    const events = await t.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    expect(events.map((e) => [e.action, e.category, e.outcome, e.entity_type, e.entity_id, e.user_id, e.at])).toEqual([
      ['export.create', 'disclosure', 'success', 'marac_meeting', pack.meeting.id, actor.userId, at.toISOString()],
      ['export.create', 'disclosure', 'success', 'marac_meeting', pack.meeting.id, actor.userId, at.toISOString()],
    ]);
    const [councilDetails, policeDetails] = events.map((e) => JSON.parse(e.details) as Record<string, unknown>);
    expect(councilDetails).toEqual({
      export: 'marac_meeting_pack',
      recipientUserId: forCouncil.user.id,
      recipientAgencyId: council.id,
      recipientName: 'Junsel Farrow',
      sha256: createHash('sha256').update(councilCopy.pdf).digest('hex'),
      pages: councilCopy.pages,
      caseIds: pack.cases.slice(0, 2).map((c) => c.caseId),
    });
    expect(policeDetails).toMatchObject({ recipientUserId: forPolice.user.id, sha256: policeCopy.sha256, caseIds: pack.cases.map((c) => c.caseId) });
    expect(councilCopy.sha256).not.toBe(policeCopy.sha256);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true, events: 2 });
  });

  it('a malformed pack is refused with validation_error and records nothing', async () => {
    const agencies = buildPackAgencies();
    const pack = buildMeetingPack(agencies, { cases: 1, sentences: 1 });
    const bad = { ...pack, meeting: { ...pack.meeting, area: '' } };
    const actor = { userId: newId(), agencyId: agencies[0]?.id ?? null, ip: '127.0.0.1' };
    await expect(generateMeetingPack(t.db, { actor, model: bad, recipient: buildRecipient(agencies[1] as PackAgency, 'Renvel Dorwyn'), at: new Date() }))
      .rejects.toMatchObject({ code: 'validation_error' });
    expect(await t.db.selectFrom('audit_events').select('seq').execute()).toEqual([]);
  });
});
