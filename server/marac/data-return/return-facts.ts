/** Loads the facts the data return counts (docs/marac.md): of referrals, by id; no names leave this file. */
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { ReferralDiversitySchema } from '../../../domain/entities/marac-referral.ts';
import type { ReferralFacts } from '../../../domain/marac/data-return.ts';

/** The parts of `marac_referrals.details` the return reads. */
const CountedDetailsSchema = z.object({ diversity: ReferralDiversitySchema, children: z.array(z.unknown()) });

/** The facts of the referrals `ids`, in the order of `ids`. */
export async function loadReferralFacts(db: Kysely<ServerDatabase>, ids: readonly string[]): Promise<ReferralFacts[]> {
  if (ids.length === 0) {
    return [];
  }
  const rows = await db.selectFrom('marac_referrals as r').innerJoin('agencies as a', 'a.id', 'r.referring_agency_id')
    .select(['r.id', 'r.referred_on', 'r.repeat', 'r.details', 'a.id as agency_id', 'a.name as agency_name'])
    .where('r.id', 'in', [...ids]).execute();
  const perpetrators = await db.selectFrom('marac_referral_perpetrators as p').innerJoin('persons as s', 's.id', 'p.person_id')
    .select(['p.referral_id', 's.date_of_birth']).where('p.referral_id', 'in', [...ids]).execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id)!;
    const details = CountedDetailsSchema.parse(JSON.parse(r.details));
    return {
      referralId: r.id,
      referredOn: r.referred_on,
      referringAgency: { id: r.agency_id, name: r.agency_name },
      repeat: Number(r.repeat) === 1,
      childCount: details.children.length,
      victim: {
        ethnicity: details.diversity.ethnicity, disability: details.diversity.disability,
        lgbtPlus: details.diversity.lgbtPlus, gender: details.diversity.gender,
      },
      perpetratorDatesOfBirth: perpetrators.filter((p) => p.referral_id === id).map((p) => p.date_of_birth),
    };
  });
}

/** The referrals discussed at the meetings `meetingIds`: each agenda case once, in agenda order. */
export async function discussedReferralIds(db: Kysely<ServerDatabase>, meetingIds: readonly string[]): Promise<string[]> {
  if (meetingIds.length === 0) {
    return [];
  }
  const items = await db.selectFrom('marac_agenda_items as i').innerJoin('marac_meetings as m', 'm.id', 'i.meeting_id')
    .select('i.referral_id').where('i.meeting_id', 'in', [...meetingIds])
    .orderBy('m.meeting_date').orderBy('i.position').execute();
  return [...new Set(items.map((i) => i.referral_id))];
}
