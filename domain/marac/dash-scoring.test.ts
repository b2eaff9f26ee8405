import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CreateDashAssessmentBodySchema } from '../entities/dash-assessment.ts';
import { DASH_QUESTIONNAIRE_2015 } from './dash-questionnaire-2015.ts';
import { DASH_ANSWERS, dashQuestionnaire } from './dash-questionnaire.ts';
import { assessedBand, bandOfScore, bandRank, DASH_BANDS, dashScore, judgementProblem } from './dash-scoring.ts';

const answersArb = fc.array(fc.constantFrom(...DASH_ANSWERS), { minLength: 24, maxLength: 24 })
  .map((values) => values.map((answer, i) => ({ n: i + 1, answer })));
const bandArb = fc.constantFrom(...DASH_BANDS);

describe('DASH scoring', () => {
  it('the 2015 questionnaire has the 24 SafeLives questions numbered 1 to 24', () => {
    expect(DASH_QUESTIONNAIRE_2015.questions.map((q) => q.n)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(dashQuestionnaire('2015')).toBe(DASH_QUESTIONNAIRE_2015);
    expect(dashQuestionnaire('toString')).toBeUndefined();
  });

  it('the score is the number of yes answers, whatever the others are', () => {
    fc.assert(fc.property(answersArb, (answers) => {
      const score = dashScore(answers);
      expect(score).toBe(answers.reduce((n, a) => n + (a.answer === 'yes' ? 1 : 0), 0));
      // Turning one non-yes answer into yes adds exactly one.
      const other = answers.findIndex((a) => a.answer !== 'yes');
      if (other >= 0) {
        const raised = answers.map((a, i) => (i === other ? { ...a, answer: 'yes' as const } : a));
        expect(dashScore(raised)).toBe(score + 1);
      }
    }));
  });

  it('bands are 0–9 standard, 10–13 medium and 14 or more high, and never fall as the score rises', () => {
    expect([0, 1, 9, 10, 13, 14, 24].map(bandOfScore)).toEqual(['standard', 'standard', 'standard', 'medium', 'medium', 'high', 'high']);
    fc.assert(fc.property(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 24 }), (a, b) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      expect(bandRank(bandOfScore(lo))).toBeLessThanOrEqual(bandRank(bandOfScore(hi)));
    }));
  });

  it('professional judgement can raise the level but never lower it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 24 }), bandArb, fc.string({ minLength: 10 }), (score, band, reasons) => {
      const scored = bandOfScore(score);
      const level = assessedBand(score, { band, reasons });
      expect(bandRank(level)).toBeGreaterThanOrEqual(bandRank(scored));
      expect(level).toBe(bandRank(band) > bandRank(scored) ? band : scored);
      expect(judgementProblem(score, { band, reasons }) === null).toBe(bandRank(band) > bandRank(scored));
      expect(assessedBand(score, null)).toBe(scored);
    }));
  });

  it('an assessment body is accepted exactly when it answers every question once and any judgement raises the level', () => {
    fc.assert(fc.property(answersArb, fc.option(bandArb, { nil: null }), (answers, band) => {
      const judgement = band === null ? null : { band, reasons: 'Escalating controlling behaviour seen by the officer.' };
      const parsed = CreateDashAssessmentBodySchema.safeParse({ version: '2015', answers, professionalJudgement: judgement });
      expect(parsed.success).toBe(judgement === null || bandRank(judgement.band) > bandRank(bandOfScore(dashScore(answers))));
      const short = CreateDashAssessmentBodySchema.safeParse({ version: '2015', answers: answers.slice(1) });
      expect(short.success).toBe(false);
    }));
  });

  it('refuses an unknown version, a question answered twice and a question the version lacks', () => {
    const all = DASH_QUESTIONNAIRE_2015.questions.map((q) => ({ n: q.n, answer: 'no' as const }));
    expect(CreateDashAssessmentBodySchema.safeParse({ version: '2009', answers: all }).success).toBe(false);
    expect(CreateDashAssessmentBodySchema.safeParse({ version: '2015', answers: [...all, { n: 3, answer: 'yes' }] }).success).toBe(false);
    expect(CreateDashAssessmentBodySchema.safeParse({ version: '2015', answers: [...all, { n: 25, answer: 'yes' }] }).success).toBe(false);
    expect(CreateDashAssessmentBodySchema.safeParse({ version: '2015', answers: all }).success).toBe(true);
  });
});
