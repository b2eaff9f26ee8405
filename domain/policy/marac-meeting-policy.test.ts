import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROLES, SHARING_LEVELS } from '../vocabulary.ts';
import { canSeeCase, type PolicyCase } from './case-policy.ts';
import { agendaShareTargets, canSeeMeetingResearch, runsMeeting, seesMeeting, type PolicyResearch } from './marac-meeting-policy.ts';
import type { PolicyUser } from './policy-user.ts';

const AGENCIES = ['a-police', 'a-council', 'a-idva', 'a-health'] as const;
const COORDINATING = 'a-council';
const MEETING_DATE = '2026-12-10';
const DAYS = ['2026-12-01', '2026-12-09', '2026-12-10', '2026-12-11'] as const;

const user = fc.record({
  id: fc.constantFrom('u1', 'u2', 'u3'),
  agencyId: fc.constantFrom(...AGENCIES),
  teamIds: fc.constant([] as string[]),
  role: fc.constantFrom(...ROLES),
});
const policyCase = fc.record({
  ownerAgencyId: fc.constantFrom(...AGENCIES),
  ownerTeamId: fc.constant(null),
  ownerUserId: fc.constant(null),
  sharingLevel: fc.constantFrom(...SHARING_LEVELS),
  sharedAgencyIds: fc.subarray([...AGENCIES]),
  sharedTeamIds: fc.constant([] as string[]),
  sharedUserIds: fc.constant([] as string[]),
  grants: fc.constant([]),
});
const research = fc.record({
  agencyId: fc.constantFrom(...AGENCIES),
  teamId: fc.constant(null),
  authorUserId: fc.constantFrom('u1', 'u2', 'u3'),
  restricted: fc.boolean(),
});
const meeting = { coordinatorAgencyId: COORDINATING, date: MEETING_DATE };

describe('research on a meeting agenda case', () => {
  it('before the meeting date is seen only by its own agency and the coordinators, and never without the case', () => {
    fc.assert(fc.property(user, research, policyCase, fc.constantFrom(...DAYS), (u: PolicyUser, r: PolicyResearch, c: PolicyCase, today) => {
      const seen = canSeeMeetingResearch(u, r, meeting, c, today);
      if (seen) {
        expect(canSeeCase(u, c)).toBe(true);
      }
      if (seen && today < MEETING_DATE) {
        expect(u.agencyId === r.agencyId || (u.role === 'marac_coordinator' && u.agencyId === COORDINATING)).toBe(true);
      }
      if (seen && r.restricted) {
        expect(u.agencyId).toBe(r.agencyId);
      }
    }));
  });

  it('from the meeting date is seen by whoever sees the case when the agency did not restrict it', () => {
    fc.assert(fc.property(user, research, policyCase, fc.constantFrom('2026-12-10', '2026-12-11'), (u: PolicyUser, r: PolicyResearch, c: PolicyCase, today) => {
      const open = { ...r, restricted: false };
      expect(canSeeMeetingResearch(u, open, meeting, c, today)).toBe(canSeeCase(u, c));
    }));
  });

  it("another agency's research is hidden the day before the meeting and shown on the day", () => {
    const police: PolicyUser = { id: 'u1', agencyId: 'a-police', teamIds: [], role: 'practitioner' };
    const c: PolicyCase = {
      ownerAgencyId: 'a-idva', ownerTeamId: null, ownerUserId: null, sharingLevel: 'shared', sharedAgencyIds: ['a-police', 'a-council', 'a-health'], grants: [],
    };
    const health: PolicyResearch = { agencyId: 'a-health', teamId: null, authorUserId: 'u9', restricted: false };
    expect(canSeeMeetingResearch(police, health, meeting, c, '2026-12-09')).toBe(false);
    expect(canSeeMeetingResearch(police, health, meeting, c, '2026-12-10')).toBe(true);
    expect(canSeeMeetingResearch({ ...police, agencyId: 'a-council', role: 'marac_coordinator' }, health, meeting, c, '2026-12-09')).toBe(true);
    expect(canSeeMeetingResearch({ ...police, agencyId: 'a-council', role: 'practitioner' }, health, meeting, c, '2026-12-09')).toBe(false);
  });
});

describe('who runs and sees a meeting', () => {
  it('only coordinators of the coordinating agency run it; attendee agencies and the coordinating agency see it', () => {
    fc.assert(fc.property(user, fc.subarray<string>([...AGENCIES]), (u: PolicyUser, attending) => {
      const m = { ...meeting, attendeeAgencyIds: attending };
      expect(runsMeeting(u, m)).toBe(u.role === 'marac_coordinator' && u.agencyId === COORDINATING);
      const sees = seesMeeting(u, m);
      if (sees) {
        expect(u.agencyId === COORDINATING || attending.includes(u.agencyId)).toBe(true);
        expect(['data_officer', 'system_admin']).not.toContain(u.role);
      }
    }));
  });
});

describe('sharing an agenda case with the meeting', () => {
  it('never widens a case kept to its owner, and never shares outside the agreements', () => {
    fc.assert(fc.property(policyCase, fc.boolean(), fc.subarray([...AGENCIES]), fc.subarray([...AGENCIES]), (c: PolicyCase, restricted, partners, acknowledged) => {
      const share = agendaShareTargets(c, { restricted, partnerAgencyIds: partners }, acknowledged);
      if (c.sharingLevel !== 'shared') {
        expect(share).toEqual({ add: [], refused: [] });
      }
      for (const a of share.add) {
        expect(acknowledged).toContain(a);
        expect(c.sharedAgencyIds).not.toContain(a);
        expect(a).not.toBe(c.ownerAgencyId);
        if (restricted) {
          expect(partners).toContain(a);
        }
      }
      expect(share.add.filter((a) => share.refused.includes(a))).toEqual([]);
    }));
  });
});
