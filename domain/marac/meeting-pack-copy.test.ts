import { describe, expect, it } from 'vitest';
import {
  buildAction, buildMeetingPack, buildPackAgencies, buildPackCase, buildRecipient, buildResearch, type PackAgency,
} from '../../test/support/meeting-pack-factories.ts';
import { canSeeReport } from '../policy/report-policy.ts';
import { MeetingPackSchema, PackDashSchema, type MeetingPack } from './meeting-pack.ts';
import { copyForRecipient, policyCaseOf, policyReportOf } from './meeting-pack-copy.ts';

const AT = '2026-12-10T09:30:00.000Z';

function agencies(): { all: PackAgency[]; police: PackAgency; council: PackAgency; housing: PackAgency } {
  const all = buildPackAgencies();
  const [police, council, housing] = all;
  if (police === undefined || council === undefined || housing === undefined) {
    throw new Error('three agencies expected');
  }
  return { all, police, council, housing };
}

function packOf(cases: MeetingPack['cases']): MeetingPack {
  return { ...buildMeetingPack([], { cases: 0 }), cases };
}

describe('copyForRecipient', () => {
  it('a research item restricted to police appears in the police copy and never in the council copy', () => {
    const { all, police, council } = agencies();
    const secret = buildResearch(police, { sharingLevel: 'owner_agency', text: 'Intelligence: police only' });
    const open = buildResearch(council, { text: 'Council holds a tenancy record' });
    const pack = packOf([buildPackCase(all, { research: [secret, open] })]);

    const policeCopy = copyForRecipient(pack, buildRecipient(police, 'Tormar Kasel'), AT);
    const councilCopy = copyForRecipient(pack, buildRecipient(council, 'Junsel Farrow'), AT);

    expect(policeCopy.cases[0]?.research.map((r) => r.text)).toEqual(['Intelligence: police only', 'Council holds a tenancy record']);
    expect(policeCopy.cases[0]?.research[0]?.restricted).toBe(true);
    expect(councilCopy.cases[0]?.research.map((r) => r.text)).toEqual(['Council holds a tenancy record']);
    expect(JSON.stringify(councilCopy)).not.toContain('police only');
  });

  it('research shared with a named agency reaches that agency and not a third', () => {
    const { all, police, council, housing } = agencies();
    const item = buildResearch(police, { sharingLevel: 'shared', sharedAgencyIds: [housing.id], text: 'Shared with housing' });
    const pack = packOf([buildPackCase(all, { research: [item] })]);

    expect(copyForRecipient(pack, buildRecipient(housing, 'Renvel Dor'), AT).cases[0]?.research).toHaveLength(1);
    expect(copyForRecipient(pack, buildRecipient(council, 'Junsel Farrow'), AT).cases[0]?.research).toHaveLength(0);
  });

  it('a case the recipient may not see leaves the agenda whole, with its research and actions', () => {
    const { all, police, council } = agencies();
    const hidden = buildPackCase(all, {
      reference: 'MA-HIDDEN',
      access: { ...buildPackCase(all).access, sharingLevel: 'owner_agency', sharedAgencyIds: [] },
      research: [buildResearch(police)],
      actions: [buildAction(council)],
    });
    const shown = buildPackCase(all, { reference: 'MA-SHOWN' });
    const pack = packOf([hidden, shown]);

    expect(copyForRecipient(pack, buildRecipient(police, 'Tormar Kasel'), AT).cases.map((c) => c.reference)).toEqual(['MA-HIDDEN', 'MA-SHOWN']);
    const councilCopy = copyForRecipient(pack, buildRecipient(council, 'Junsel Farrow'), AT);
    expect(councilCopy.cases.map((c) => c.reference)).toEqual(['MA-SHOWN']);
    expect(JSON.stringify(councilCopy)).not.toContain('MA-HIDDEN');
  });

  it('an access grant in force opens the case; a lapsed one does not', () => {
    const { all, council } = agencies();
    const recipient = buildRecipient(council, 'Junsel Farrow');
    const closed = { ...buildPackCase(all).access, sharingLevel: 'owner_agency' as const, sharedAgencyIds: [] };
    const granted = buildPackCase(all, { access: { ...closed, grants: [{ userId: recipient.user.id, expiresAt: '2026-12-11T00:00:00.000Z', revokedAt: null }] } });
    const lapsed = buildPackCase(all, { access: { ...closed, grants: [{ userId: recipient.user.id, expiresAt: '2026-12-01T00:00:00.000Z', revokedAt: null }] } });

    expect(copyForRecipient(packOf([granted, lapsed]), recipient, AT).cases.map((c) => c.caseId)).toEqual([granted.caseId]);
  });

  it('a data officer gets an empty copy: the role reads audit, not case content', () => {
    const { all, police } = agencies();
    const pack = packOf([buildPackCase(all)]);
    expect(copyForRecipient(pack, buildRecipient(police, 'Wynlo Tas', 'data_officer'), AT).cases).toEqual([]);
  });

  it('the copy carries no policy inputs, only printed words', () => {
    const { all, police, council } = agencies();
    const pack = packOf([buildPackCase(all, { research: [buildResearch(police)], actions: [buildAction(council)] })]);
    const text = JSON.stringify(copyForRecipient(pack, buildRecipient(council, 'Junsel Farrow'), AT));
    expect(text).not.toContain(police.id);
    expect(text).not.toContain(council.id);
    expect(text).not.toContain('sharingLevel');
  });

  it('keeps exactly the research the report policy admits, for every agency of a whole meeting', () => {
    const { all } = agencies();
    const pack = buildMeetingPack(all, { cases: 12, researchPerAgency: 2, sentences: 1 });
    for (const agency of all) {
      const recipient = buildRecipient(agency, 'Someone');
      const copy = copyForRecipient(pack, recipient, AT);
      for (const c of pack.cases) {
        const expected = c.research.filter((r) => canSeeReport(recipient.user, policyReportOf(r), policyCaseOf(c), AT)).map((r) => r.id);
        expect(copy.cases.find((k) => k.caseId === c.caseId)?.research.map((r) => r.id)).toEqual(expected);
      }
    }
  });
});

describe('MeetingPackSchema', () => {
  it('refuses a DASH score above 24 and unknown fields', () => {
    const { all } = agencies();
    const pack = buildMeetingPack(all, { cases: 1 });
    expect(MeetingPackSchema.safeParse(pack).success).toBe(true);
    const first = pack.cases[0];
    if (first === undefined) {
      throw new Error('one case expected');
    }
    expect(MeetingPackSchema.safeParse({ ...pack, cases: [{ ...first, dash: { ...first.dash, score: 25 } }] }).success).toBe(false);
    expect(MeetingPackSchema.safeParse({ ...pack, cases: [{ ...first, extra: 1 }] }).success).toBe(false);
  });

  it('lets professional judgement raise the DASH band, never lower it, and requires saying so', () => {
    const dash = (score: number, band: 'standard' | 'medium' | 'high', raisedByJudgement: boolean) =>
      PackDashSchema.safeParse({ score, band, raisedByJudgement, questionnaireVersion: '2009-v1' }).success;
    expect(dash(15, 'high', false)).toBe(true);
    expect(dash(11, 'high', true)).toBe(true);
    expect(dash(15, 'medium', false)).toBe(false);
    expect(dash(15, 'medium', true)).toBe(false);
    expect(dash(11, 'high', false)).toBe(false);
    expect(dash(11, 'medium', true)).toBe(false);
    expect(dash(13, 'medium', false)).toBe(true);
    expect(dash(14, 'high', false)).toBe(true);
    expect(dash(9, 'standard', false)).toBe(true);
    expect(dash(10, 'medium', false)).toBe(true);
  });
});
