/** The DASH checklist as the user fills it in, and the body it becomes (pure; the score uses the domain's functions). */
import type { CreateDashAssessmentBody } from '../../../domain/entities/dash-assessment.ts';
import type { DashAnswerValue, DashQuestionnaire } from '../../../domain/marac/dash-questionnaire.ts';
import { assessedBand, bandOfScore, dashScore, type DashBand } from '../../../domain/marac/dash-scoring.ts';

/** One question's draft: the answer chosen (none yet), a comment, and who answered when not the victim. */
export interface DashAnswerDraft {
  answer: DashAnswerValue | null;
  comment: string;
  source: string;
}

/** The whole draft. */
export interface DashDraft {
  answers: Record<number, DashAnswerDraft>;
  /** The band judged above the score, or none. */
  judgementBand: DashBand | null;
  judgementReasons: string;
}

/** An empty draft for a questionnaire. */
export function emptyDashDraft(questionnaire: DashQuestionnaire): DashDraft {
  return {
    answers: Object.fromEntries(questionnaire.questions.map((q) => [q.n, { answer: null, comment: '', source: '' }])),
    judgementBand: null,
    judgementReasons: '',
  };
}

/** The live score, scored band and assessed band of a draft (unanswered questions count as not yes). */
export function draftLevel(draft: DashDraft): { score: number; scoredBand: DashBand; band: DashBand } {
  const answers = Object.values(draft.answers).flatMap((a) => (a.answer === null ? [] : [{ answer: a.answer }]));
  const score = dashScore(answers);
  const judgement = draft.judgementBand === null ? null : { band: draft.judgementBand, reasons: draft.judgementReasons };
  return { score, scoredBand: bandOfScore(score), band: assessedBand(score, judgement) };
}

/** The numbers of the questions not answered yet. */
export function unanswered(draft: DashDraft): number[] {
  return Object.entries(draft.answers).filter(([, a]) => a.answer === null).map(([n]) => Number(n));
}

/** The body to send; the server checks it against the questionnaire again. */
export function dashBody(questionnaire: DashQuestionnaire, draft: DashDraft): CreateDashAssessmentBody {
  return {
    version: questionnaire.version,
    answers: questionnaire.questions.map((q) => {
      const a = draft.answers[q.n];
      return {
        n: q.n, answer: a?.answer ?? 'not_asked',
        ...(a && a.comment.trim() !== '' ? { comment: a.comment.trim() } : {}),
        ...(a && a.source.trim() !== '' ? { source: a.source.trim() } : {}),
      };
    }),
    professionalJudgement: draft.judgementBand === null ? null : { band: draft.judgementBand, reasons: draft.judgementReasons.trim() },
  };
}
