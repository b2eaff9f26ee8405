/**
 * The DASH risk identification checklist as versioned domain data (docs/marac.md): the answer
 * vocabulary, the questionnaire shape and the registry of versions a stored assessment may name.
 */
import { z } from 'zod';
import type { DashQuestion, DashQuestionnaire } from './dash-question.ts';
import { DASH_QUESTIONNAIRE_2015 } from './dash-questionnaire-2015.ts';

export type { DashQuestion, DashQuestionnaire } from './dash-question.ts';

/** How one question is answered. */
export const DASH_ANSWERS = ['yes', 'no', 'dont_know', 'not_asked'] as const;
/** One answer value. */
export type DashAnswerValue = (typeof DASH_ANSWERS)[number];
export const DashAnswerValueSchema = z.enum(DASH_ANSWERS);

/** en-GB words for the answers (the checklist screen and the meeting pack). */
export const DASH_ANSWER_LABELS: Record<DashAnswerValue, string> = {
  yes: 'Yes', no: 'No', dont_know: "Don't know", not_asked: 'Not asked',
};


/** Every questionnaire version an assessment may be recorded against, by version. */
export const DASH_QUESTIONNAIRES: Readonly<Record<string, DashQuestionnaire>> = {
  [DASH_QUESTIONNAIRE_2015.version]: DASH_QUESTIONNAIRE_2015,
};

/** The version new assessments use. */
export const CURRENT_DASH_VERSION = DASH_QUESTIONNAIRE_2015.version;

/** The questionnaire of a version, or undefined for an unknown one. */
export function dashQuestionnaire(version: string): DashQuestionnaire | undefined {
  return Object.hasOwn(DASH_QUESTIONNAIRES, version) ? DASH_QUESTIONNAIRES[version] : undefined;
}

/** The question text with the name of the person causing harm in place of `{abuser}`. */
export function dashQuestionText(question: DashQuestion, abuserName: string | null): string {
  return question.text.replaceAll('{abuser}', abuserName ?? 'the person causing harm');
}
