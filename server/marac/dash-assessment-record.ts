/** Turns `dash_assessments` rows into the wire record, with the reassessment due date. */
import type { Kysely, Selectable } from 'kysely';
import type { DashAssessmentTable, ServerDatabase } from '../../db/server/schema.ts';
import { DashAssessmentRecordSchema, DashAnswerSchema, type DashAssessmentRecord } from '../../domain/entities/dash-assessment.ts';
import { z } from 'zod';

/** The reassessment interval when the server configuration names none. */
export const DEFAULT_REASSESSMENT_WEEKS = 8;

const WEEK_MS = 7 * 86_400_000;

/** When a reassessment falls due after an assessment at `assessedAt`. */
export function reassessmentDueAfter(assessedAt: string, weeks: number): string {
  return new Date(Date.parse(assessedAt) + weeks * WEEK_MS).toISOString();
}

/** The wire records of `rows`, with assessor and agency names. */
export async function toDashAssessmentRecords(
  db: Kysely<ServerDatabase>, rows: readonly Selectable<DashAssessmentTable>[], reassessmentWeeks: number,
): Promise<DashAssessmentRecord[]> {
  if (rows.length === 0) {
    return [];
  }
  const users = await db.selectFrom('users').select(['id', 'display_name']).where('id', 'in', [...new Set(rows.map((r) => r.assessed_by))]).execute();
  const agencies = await db.selectFrom('agencies').select(['id', 'name']).where('id', 'in', [...new Set(rows.map((r) => r.agency_id))]).execute();
  const userName = new Map(users.map((u) => [u.id, u.display_name]));
  const agencyName = new Map(agencies.map((a) => [a.id, a.name]));
  return rows.map((r) => DashAssessmentRecordSchema.parse({
    id: r.id,
    personId: r.person_id,
    version: r.version,
    answers: z.array(DashAnswerSchema).parse(JSON.parse(r.answers)),
    score: Number(r.score),
    scoredBand: r.scored_band,
    band: r.band,
    professionalJudgement: r.judgement_band === null ? null : { band: r.judgement_band, reasons: r.judgement_reasons },
    assessedBy: { id: r.assessed_by, displayName: userName.get(r.assessed_by) ?? '' },
    agency: { id: r.agency_id, name: agencyName.get(r.agency_id) ?? '' },
    assessedAt: r.assessed_at,
    reassessmentDue: reassessmentDueAfter(r.assessed_at, reassessmentWeeks),
  }));
}
