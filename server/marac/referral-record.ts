/** Reads `marac_referrals` rows into the wire record, with the people's names and dates of birth. */
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import type { MaracReferralTable, ServerDatabase } from '../../db/server/schema.ts';
import {
  MaracReferralRecordSchema, ReferralChildSchema, ReferralContactSchema, ReferralDiversitySchema, ReferralVictimSchema, type MaracReferralRecord,
} from '../../domain/entities/marac-referral.ts';
import { ReferralConsentSchema } from '../../domain/marac/referral-consent.ts';
import { ReferralCriterionSchema } from '../../domain/marac/referral-criteria.ts';

/** The form fields kept as JSON in `marac_referrals.details`. */
const StoredDetailsSchema = z.object({
  contact: ReferralContactSchema,
  victim: ReferralVictimSchema.omit({ personId: true }),
  diversity: ReferralDiversitySchema,
  children: z.array(ReferralChildSchema),
  incidentDates: z.array(z.iso.date()),
  professionalJudgementReasons: z.string().nullable(),
  consent: ReferralConsentSchema,
  afraidOf: z.string().nullable(),
  previousMaracs: z.string().nullable(),
});

/**
 * The wire records of `rows` (already filtered by `maracReferralVisibleSql`): each person named is a
 * subject of the referral's case, which the reader sees.
 */
export async function toMaracReferralRecords(db: Kysely<ServerDatabase>, rows: readonly Selectable<MaracReferralTable>[]): Promise<MaracReferralRecord[]> {
  if (rows.length === 0) {
    return [];
  }
  const ids = rows.map((r) => r.id);
  const perpetrators = await db.selectFrom('marac_referral_perpetrators').selectAll().where('referral_id', 'in', ids).orderBy('person_id').execute();
  const details = new Map(rows.map((r) => [r.id, StoredDetailsSchema.parse(JSON.parse(r.details))]));
  const personIds = new Set<string>([
    ...rows.map((r) => r.victim_person_id), ...perpetrators.map((p) => p.person_id),
    ...[...details.values()].flatMap((d) => d.children.map((c) => c.personId)),
  ]);
  const persons = new Map((await db.selectFrom('persons').select(['id', 'given_name', 'family_name', 'date_of_birth'])
    .where('id', 'in', [...personIds]).execute()).map((p) => [p.id, p]));
  const ref = (personId: string) => {
    const p = persons.get(personId);
    return { personId, displayName: p ? `${p.given_name} ${p.family_name}` : '', dateOfBirth: p?.date_of_birth ?? null };
  };
  const unique = (list: string[]) => [...new Set(list)];
  const named = (found: Array<{ id: string; value: string }>) => new Map(found.map((f) => [f.id, f.value]));
  const cases = named(await db.selectFrom('cases').select(['id', 'reference as value']).where('id', 'in', unique(rows.map((r) => r.case_id))).execute());
  const areas = named(await db.selectFrom('marac_areas').select(['id', 'name as value']).where('id', 'in', unique(rows.map((r) => r.marac_area_id))).execute());
  const agencies = named(await db.selectFrom('agencies').select(['id', 'name as value']).where('id', 'in', unique(rows.map((r) => r.referring_agency_id))).execute());
  const users = named(await db.selectFrom('users').select(['id', 'display_name as value']).where('id', 'in', unique(rows.map((r) => r.referred_by))).execute());
  return rows.map((r) => {
    const d = details.get(r.id)!;
    return MaracReferralRecordSchema.parse({
      id: r.id,
      caseId: r.case_id,
      caseReference: cases.get(r.case_id) ?? '',
      maracArea: { id: r.marac_area_id, name: areas.get(r.marac_area_id) ?? '' },
      referringAgency: { id: r.referring_agency_id, name: agencies.get(r.referring_agency_id) ?? '' },
      referredBy: { id: r.referred_by, displayName: users.get(r.referred_by) ?? '' },
      referredOn: r.referred_on,
      dashAssessmentId: r.dash_assessment_id,
      score: Number(r.score),
      band: r.band,
      criteria: z.array(ReferralCriterionSchema).parse(JSON.parse(r.criteria)),
      repeat: Number(r.repeat) === 1,
      repeatOfReferralId: r.repeat_of_referral_id,
      victim: { ...ref(r.victim_person_id), ...d.victim },
      perpetrators: perpetrators.filter((p) => p.referral_id === r.id)
        .map((p) => ({ ...ref(p.person_id), relationshipToVictim: p.relationship_to_victim, address: p.address })),
      children: d.children.map((c) => ({ ...ref(c.personId), relationshipToVictim: c.relationshipToVictim, relationshipToPerpetrator: c.relationshipToPerpetrator, school: c.school })),
      contact: d.contact,
      diversity: d.diversity,
      incidentDates: d.incidentDates,
      professionalJudgementReasons: d.professionalJudgementReasons,
      consent: d.consent,
      afraidOf: d.afraidOf,
      previousMaracs: d.previousMaracs,
      createdAt: r.created_at,
    });
  });
}
