/**
 * DASH checklists and MARAC referrals in a subject access request (docs/audit.md): the victim's
 * request holds the checklist the requesting agency sees and the whole referral, released by the
 * agency that recorded them with the other people's names redacted; a person causing harm's request
 * holds the referral's facts and their own entry only — never the victim's contact details, risk or
 * checklist. A checklist the requesting agency cannot see is in no part.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashAssessmentRecord } from '../../domain/entities/dash-assessment.ts';
import type { MaracReferralRecord } from '../../domain/entities/marac-referral.ts';
import type { SarBundleFiles, SarConsultationDetail, SarDetail } from '../../domain/http/sar-routes.ts';
import { buildSignedInUser, call, type WorldUser } from '../support/case-factories.ts';
import { buildAgency, buildTeam } from '../support/factories.ts';
import { buildMaracArea, dashAnswers, referralBody } from '../support/marac-factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const TODAY = '2026-11-10';
const COMMENT = 'Corvin Blackstaff pushed her down the stairs';
const UNSEEN_COMMENT = 'Reassessment note Thandrel kept by the IDVA service';

describe.each(testDialects())('DASH checklists and MARAC referrals in a SAR on %s', (dialect) => {
  let server: TestServer;
  let idva: WorldUser;
  let idvaOfficer: WorldUser;
  let councilOfficer: WorldUser;
  let victim: string;
  let perpetrator: string;
  let referred: DashAssessmentRecord;
  let unseen: DashAssessmentRecord;
  let referral: MaracReferralRecord;

  const person = async (givenName: string, familyName: string, gender: string) => {
    const res = await call<{ person: { id: string } }>(server, idva, 'POST', '/persons', { givenName, familyName, dateOfBirth: '1990-04-02', gender, consentStatus: 'not_sought' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.person.id;
  };
  const assess = async (comment: string) => {
    const answers = dashAnswers(15).map((a) => (a.n === 1 ? { ...a, comment, source: 'attending officer' } : a));
    const res = await call<DashAssessmentRecord>(server, idva, 'POST', `/persons/${victim}/dash-assessments`, { version: '2015', answers, professionalJudgement: null });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const logSar = async (officer: WorldUser, personId: string, reference: string) => {
    const res = await call<SarDetail>(server, officer, 'POST', '/sars', {
      personId, reference, receivedOn: TODAY, requesterName: 'Synthetic requester', requesterRelation: 'data_subject', requesterContact: 'By post',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(`${TODAY}T12:00:00.000Z`) });
    const idvaAgency = await buildAgency(server.db, { kind: 'charity', name: 'Synthetic IDVA Service' });
    const councilId = await buildAgency(server.db, { kind: 'council', name: 'Synthetic Council' });
    idva = await buildSignedInUser(server, idvaAgency, [await buildTeam(server.db, idvaAgency, 'IDVA')]);
    idvaOfficer = await buildSignedInUser(server, idvaAgency, [], 'data_officer');
    councilOfficer = await buildSignedInUser(server, councilId, [], 'data_officer');
    const areaId = await buildMaracArea(server.db, councilId, { name: 'Synthetic MARAC' });
    victim = await person('Aster', 'Synthwood', 'female');
    perpetrator = await person('Corvin', 'Blackstaff', 'male');
    const child = await person('Juniper', 'Synthwood', 'female');
    referred = await assess(COMMENT);
    const res = await call<MaracReferralRecord>(server, idva, 'POST', '/marac/referrals',
      referralBody({ maracAreaId: areaId, dashAssessmentId: referred.id, victimId: victim, perpetratorId: perpetrator, childId: child, referredOn: TODAY }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    referral = res.body;
    // A later checklist with no referral resting on it: only the IDVA service sees it.
    unseen = await assess(UNSEEN_COMMENT);
  });
  afterAll(() => server.stop());

  it("gives the victim's request to the coordinating council a consultation holding the checklist it sees and the whole referral", async () => {
    const sar = await logSar(councilOfficer, victim, 'SAR-MARAC-1');
    expect(sar.consultationStates.map((c) => [c.agency.id, c.status])).toEqual([[idva.agencyId, 'pending']]);
    const inbox = await call<{ consultations: Array<{ id: string }> }>(server, idvaOfficer, 'GET', '/sar-consultations');
    const id = inbox.body.consultations[0]!.id;
    const detail = await call<SarConsultationDetail>(server, idvaOfficer, 'GET', `/sar-consultations/${id}`);
    const items = detail.body.part!.items;
    expect(items.filter((i) => i.type === 'dash_assessment').map((i) => i.id)).toEqual([referred.id]);
    expect(items.filter((i) => i.type === 'marac_referral').map((i) => i.id)).toEqual([referral.id]);
    const dash = items.find((i) => i.type === 'dash_assessment')!;
    expect(dash.fields.find((f) => f.label.startsWith('1. '))!.value).toBe(`Yes — ${COMMENT} — (source: attending officer)`);
    expect(dash.fields.find((f) => f.label === 'Score')!.value).toBe('15');
    const ref = items.find((i) => i.type === 'marac_referral')!;
    expect(ref.fields.find((f) => f.label === 'Named on the referral as')!.value).toBe('The person at risk');
    expect(ref.fields.find((f) => f.label === 'Address')!.value).toBe('1 Synthetic Street, ZZ9 1AA');
    expect(JSON.stringify(detail.body.part)).not.toContain(UNSEEN_COMMENT);
    expect(detail.body.part!.thirdParties.map((t) => t.personId)).toContain(perpetrator);

    const released = await call<SarConsultationDetail>(server, idvaOfficer, 'POST', `/sar-consultations/${id}/release`, {});
    expect(released.status).toBe(200);
    const bundle = await call<SarBundleFiles>(server, councilOfficer, 'POST', `/sars/${sar.id}/bundle`, {});
    expect(bundle.status).toBe(200);
    expect(bundle.body.json).toContain('Yes — [third party] pushed her down the stairs — (source: attending officer)');
    expect(bundle.body.json).toContain('[third party] (Ex-partner)');
    const dir = mkdtempSync(join(tmpdir(), 'sar-marac-'));
    try {
      writeFileSync(join(dir, 'bundle.pdf'), Buffer.from(bundle.body.pdfBase64, 'base64'));
      const pdf = execFileSync('pdftotext', ['-enc', 'UTF-8', join(dir, 'bundle.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(pdf).toContain('DASH risk checklist');
      expect(pdf).toContain('MARAC referral');
      expect(pdf).toContain('[third party] pushed her down the stairs');
      for (const secret of ['Blackstaff', 'Corvin', 'Juniper', UNSEEN_COMMENT, unseen.id]) {
        expect(bundle.body.json, secret).not.toContain(secret);
        expect(pdf, secret).not.toContain(secret);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives a person causing harm the referral's facts and their own entry, never the victim's details or checklist", async () => {
    const sar = await logSar(idvaOfficer, perpetrator, 'SAR-MARAC-2');
    expect(sar.complete).toBe(true);
    const bundle = await call<SarBundleFiles>(server, idvaOfficer, 'POST', `/sars/${sar.id}/bundle`, {});
    expect(bundle.status).toBe(200);
    const parsed = JSON.parse(bundle.body.json) as { parts: Array<{ items: Array<{ type: string; id: string; fields: Array<{ label: string; value: string }> }> }> };
    const items = parsed.parts.flatMap((p) => p.items);
    expect(items.filter((i) => i.type === 'dash_assessment')).toEqual([]);
    const ref = items.find((i) => i.type === 'marac_referral')!;
    expect(ref.id).toBe(referral.id);
    expect(Object.fromEntries(ref.fields.map((f) => [f.label, f.value]))).toMatchObject({
      'Named on the referral as': 'A person causing harm', 'Relationship to the person at risk': 'Ex-partner', 'MARAC area': 'Synthetic MARAC',
    });
    for (const secret of ['1 Synthetic Street', '07000 000000', 'Weekday mornings', 'DASH score', 'Aster', 'Synthwood', COMMENT]) {
      expect(bundle.body.json, secret).not.toContain(secret);
    }
  });
});
