import { describe, expect, it } from 'vitest';
import { CreateDashAssessmentBodySchema } from '../../../domain/entities/dash-assessment.ts';
import { DASH_QUESTIONNAIRE_2015 } from '../../../domain/marac/dash-questionnaire-2015.ts';
import { dashBody, draftLevel, emptyDashDraft, unanswered, type DashDraft } from './dash-draft.ts';

const answered = (yes: number): DashDraft => {
  const draft = emptyDashDraft(DASH_QUESTIONNAIRE_2015);
  for (const q of DASH_QUESTIONNAIRE_2015.questions) {
    draft.answers[q.n] = { answer: q.n <= yes ? 'yes' : 'dont_know', comment: '', source: '' };
  }
  return draft;
};

describe('the DASH checklist draft', () => {
  it('scores live as answers come in and names the unanswered questions', () => {
    const draft = emptyDashDraft(DASH_QUESTIONNAIRE_2015);
    expect(draftLevel(draft)).toEqual({ score: 0, scoredBand: 'standard', band: 'standard' });
    expect(unanswered(draft)).toHaveLength(24);
    draft.answers[3] = { answer: 'yes', comment: '', source: '' };
    expect(draftLevel(draft).score).toBe(1);
    expect(unanswered(draft)).not.toContain(3);
  });

  it('15 yes answers are high risk; judgement raises a standard score but a lower judgement changes nothing', () => {
    expect(draftLevel(answered(15))).toEqual({ score: 15, scoredBand: 'high', band: 'high' });
    expect(draftLevel({ ...answered(4), judgementBand: 'high', judgementReasons: 'Threats to kill' }).band).toBe('high');
    expect(draftLevel({ ...answered(12), judgementBand: 'standard', judgementReasons: 'Thinks it lower' }).band).toBe('medium');
  });

  it('becomes a body the domain schema accepts, with trimmed comments and sources only where given', () => {
    const draft = answered(15);
    draft.answers[1] = { answer: 'yes', comment: '  Bruised arm  ', source: 'Attending officer' };
    const body = dashBody(DASH_QUESTIONNAIRE_2015, draft);
    expect(body.answers[0]).toEqual({ n: 1, answer: 'yes', comment: 'Bruised arm', source: 'Attending officer' });
    expect(body.answers[1]).toEqual({ n: 2, answer: 'yes' });
    expect(CreateDashAssessmentBodySchema.safeParse(body).success).toBe(true);
  });
});
