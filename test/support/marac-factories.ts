/** Test builders for MARAC: areas, DASH answers with a chosen score, and referral bodies with overrides. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { CreateMaracReferralBody } from '../../domain/entities/marac-referral.ts';
import { newId } from '../../domain/ids.ts';
import { DASH_QUESTIONNAIRE_2015 } from '../../domain/marac/dash-questionnaire-2015.ts';

/** Inserts a MARAC area coordinated by `coordinatorAgencyId` (default rule 3 in 12). */
export async function buildMaracArea(
  db: Kysely<ServerDatabase>, coordinatorAgencyId: string, overrides: { name?: string; incidents?: number; months?: number } = {},
): Promise<string> {
  const id = newId();
  await db.insertInto('marac_areas').values({
    id, name: overrides.name ?? `Synthetic MARAC ${id.slice(0, 8)}`, coordinator_agency_id: coordinatorAgencyId,
    escalation_incidents: overrides.incidents ?? 3, escalation_months: overrides.months ?? 12, created_at: '2026-01-01T00:00:00.000Z',
  }).execute();
  return id;
}

/** Answers to all 24 questions: the first `yes` are yes, the rest alternate no / don't know / not asked. */
export function dashAnswers(yes: number): Array<{ n: number; answer: 'yes' | 'no' | 'dont_know' | 'not_asked' }> {
  const others = ['no', 'dont_know', 'not_asked'] as const;
  return DASH_QUESTIONNAIRE_2015.questions.map((q, i) => ({ n: q.n, answer: i < yes ? 'yes' : others[i % 3]! }));
}

/** A complete referral body for the given people, assessment and area. */
export function referralBody(
  ids: { maracAreaId: string; dashAssessmentId: string; victimId: string; perpetratorId: string; childId?: string; referredOn: string },
  overrides: Partial<CreateMaracReferralBody> = {},
): CreateMaracReferralBody {
  return {
    maracAreaId: ids.maracAreaId,
    dashAssessmentId: ids.dashAssessmentId,
    referredOn: ids.referredOn,
    contact: { name: 'Synthetic IDVA', phone: '01000 000000', email: null },
    victim: { personId: ids.victimId, address: '1 Synthetic Street, ZZ9 1AA', phone: '07000 000000', safeToCall: true, safeContactTimes: 'Weekday mornings' },
    diversity: { ethnicity: null, disability: 'not_known', sexualOrientation: null, lgbtPlus: 'not_known', gender: 'female' },
    perpetrators: [{ personId: ids.perpetratorId, relationshipToVictim: 'Ex-partner', address: null }],
    children: ids.childId ? [{ personId: ids.childId, relationshipToVictim: 'Daughter', relationshipToPerpetrator: 'Daughter', school: 'Synthetic Primary' }] : [],
    consent: { victimAware: true, consentGiven: true, justification: null },
    afraidOf: 'The ex-partner',
    previousMaracs: null,
    ...overrides,
  };
}
