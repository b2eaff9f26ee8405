/** Which of a person's DASH checklists a new referral may rest on (pure). */
import type { DashAssessmentRecord } from '../../../domain/entities/dash-assessment.ts';

/**
 * The newest checklist while its reassessment is not yet due at `now`; null when there is none or
 * it is due (a referral then needs a fresh checklist first). `assessments` are newest first.
 */
export function currentChecklist(assessments: readonly DashAssessmentRecord[], now: Date): DashAssessmentRecord | null {
  const newest = assessments[0];
  return newest !== undefined && Date.parse(newest.reassessmentDue) > now.getTime() ? newest : null;
}
