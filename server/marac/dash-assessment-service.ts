/** Records a DASH risk assessment: the write shared by the HTTP route (and, later, the sync push). */
import type { Selectable, Transaction } from 'kysely';
import type { DashAssessmentTable, ServerDatabase } from '../../db/server/schema.ts';
import type { CreateDashAssessmentBodySchema } from '../../domain/entities/dash-assessment.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { assessedBand, bandOfScore, dashScore } from '../../domain/marac/dash-scoring.ts';
import { readsCases } from '../../domain/policy/policy-user.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import { loadFullPerson } from '../persons/person-access.ts';
import type { z } from 'zod';

type Trx = Transaction<ServerDatabase>;

/**
 * Scores, bands and stores an assessment of a person the caller sees in full (404 otherwise, as for
 * any unseen person), keeping the questionnaire version; audited as a collection.
 */
export async function createDashAssessment(
  trx: Trx, w: WriteContext, personId: string, body: z.output<typeof CreateDashAssessmentBodySchema>, id: string = newId(),
): Promise<Selectable<DashAssessmentTable>> {
  if (!readsCases(w.user)) {
    throw new CodedError('authorization_error', 'Your role does not record risk assessments.');
  }
  const at = isoOf(w);
  await loadFullPerson(trx, w.user, at, personId);
  const score = dashScore(body.answers);
  const row: Selectable<DashAssessmentTable> = {
    id, person_id: personId, version: body.version, answers: JSON.stringify(body.answers), score,
    scored_band: bandOfScore(score), band: assessedBand(score, body.professionalJudgement),
    judgement_band: body.professionalJudgement?.band ?? null, judgement_reasons: body.professionalJudgement?.reasons ?? null,
    assessed_by: w.user.id, agency_id: w.user.agencyId, assessed_at: at,
  };
  await trx.insertInto('dash_assessments').values(row).execute();
  await recordAudit(trx, {
    actor: w.actor, action: 'record.create', entityType: 'dash_assessment', entityId: id, outcome: 'success', at: w.now,
    details: { personId, version: body.version, score, band: row.band },
  });
  return row;
}
