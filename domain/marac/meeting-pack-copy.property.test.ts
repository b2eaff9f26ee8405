import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMeetingPack, buildPackAgencies, buildRecipient } from '../../test/support/meeting-pack-factories.ts';
import { canSeeCase } from '../policy/case-policy.ts';
import { canSeeReport } from '../policy/report-policy.ts';
import { ROLES, REPORT_SHARING_LEVELS, SHARING_LEVELS } from '../vocabulary.ts';
import { copyForRecipient, policyCaseOf, policyReportOf } from './meeting-pack-copy.ts';

const AT = '2026-12-10T09:30:00.000Z';
const agencies = buildPackAgencies();
const base = buildMeetingPack(agencies, { cases: 4, sentences: 1 });

/** Random sharing for every case and research item, and a random recipient among the agencies. */
const world = fc.record({
  cases: fc.array(fc.record({
    level: fc.constantFrom(...SHARING_LEVELS),
    shared: fc.subarray(agencies.map((a) => a.id)),
    research: fc.array(fc.record({ level: fc.constantFrom(...REPORT_SHARING_LEVELS), shared: fc.subarray(agencies.map((a) => a.id)) }), { minLength: 8, maxLength: 8 }),
  }), { minLength: 4, maxLength: 4 }),
  recipientAgency: fc.integer({ min: 0, max: agencies.length - 1 }),
  role: fc.constantFrom(...ROLES),
});

describe('a recipient copy against the access policy', () => {
  it('holds exactly the cases and research the policy admits, and no trace of the rest', () => {
    fc.assert(fc.property(world, (w) => {
      const pack = {
        ...base,
        cases: base.cases.map((c, i) => {
          const shape = w.cases[i];
          return shape === undefined ? c : {
            ...c,
            access: { ...c.access, sharingLevel: shape.level, sharedAgencyIds: shape.shared },
            research: c.research.map((r, j) => {
              const rs = shape.research[j % shape.research.length];
              return rs === undefined ? r : { ...r, text: `Item ${String(i)}-${String(j)} unique`, sharingLevel: rs.level, sharedAgencyIds: rs.shared };
            }),
          };
        }),
      };
      const agency = agencies[w.recipientAgency] ?? agencies[0];
      if (agency === undefined) {
        throw new Error('no agency');
      }
      const recipient = buildRecipient(agency, 'Someone', w.role);
      const copy = copyForRecipient(pack, recipient, AT);
      const printed = JSON.stringify(copy);
      for (const c of pack.cases) {
        const caseShown = canSeeCase(recipient.user, policyCaseOf(c), AT);
        expect(copy.cases.some((k) => k.caseId === c.caseId)).toBe(caseShown);
        for (const r of c.research) {
          const admitted = caseShown && canSeeReport(recipient.user, policyReportOf(r), policyCaseOf(c), AT);
          expect(printed.includes(`"${r.text}"`)).toBe(admitted);
        }
      }
    }), { numRuns: 300 });
  });
});
