import { describe, expect, it } from 'vitest';
import type { DashAssessmentRecord } from '../../../domain/entities/dash-assessment.ts';
import { currentChecklist } from './current-checklist.ts';

const checklist = (id: string, reassessmentDue: string) => ({ id, reassessmentDue }) as DashAssessmentRecord;

describe('the checklist a referral may rest on', () => {
  it('is the newest one until its reassessment falls due, then none', () => {
    const history = [checklist('newest', '2026-12-10T09:00:00.000Z'), checklist('older', '2027-06-01T00:00:00.000Z')];
    expect(currentChecklist(history, new Date('2026-12-10T08:59:59.000Z'))?.id).toBe('newest');
    expect(currentChecklist(history, new Date('2026-12-10T09:00:00.000Z'))).toBeNull();
    expect(currentChecklist([], new Date('2026-12-10T00:00:00.000Z'))).toBeNull();
  });
});
