/** The shape of a DASH questionnaire version (docs/marac.md). */

/** One question: its number (1-based, stable within a version) and its text. */
export interface DashQuestion {
  n: number;
  text: string;
}

/** A published questionnaire version. */
export interface DashQuestionnaire {
  version: string;
  questions: readonly DashQuestion[];
}
