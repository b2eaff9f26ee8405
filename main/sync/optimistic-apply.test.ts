import { describe, expect, it } from 'vitest';
import { reappliedBefore } from './optimistic-apply.ts';

const caseId = '3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e6d';
const taskId = '7d0c8f7e-3b1a-4c55-9a55-0f3f1b7a2c01';

describe('reappliedBefore', () => {
  it('keeps the first image for a column the pull left holding my value', () => {
    expect(reappliedBefore('case.update', { caseId, riskLevel: 'very_high' }, { risk_level: 'medium' }, { risk_level: 'very_high' }))
      .toEqual({ risk_level: 'medium' });
  });

  it('takes the value the pull brought in for a column it overwrote', () => {
    expect(reappliedBefore('case.update', { caseId, riskLevel: 'very_high' }, { risk_level: 'medium' }, { risk_level: 'high' }))
      .toEqual({ risk_level: 'high' });
  });

  it('decides column by column, including the closure reason a reopening clears', () => {
    const args = { caseId, status: 'open' as const, title: 'Reopened' };
    const first = { status: 'closed', closure_reason: 'Moved away.', title: 'Old title' };
    const reapplied = { status: 'open', closure_reason: null, title: 'Renamed on the server' };
    expect(reappliedBefore('case.update', args, first, reapplied)).toEqual({ status: 'closed', closure_reason: 'Moved away.', title: 'Renamed on the server' });
  });

  it('does the same for a task status, and leaves creates without an image', () => {
    expect(reappliedBefore('task.update', { taskId, status: 'done' }, { status: 'open' }, { status: 'done' })).toEqual({ status: 'open' });
    expect(reappliedBefore('report.create', { reportId: taskId, caseId, kind: 'contact', title: 'x', body: 'y', sharingLevel: 'case' }, null, null)).toBeNull();
  });

  it('keeps the removed row of a deletion the pull did not bring back, and takes the one it brought back', () => {
    const row = { id: taskId, case_id: caseId, file_name: 'Visit note.txt' };
    expect(reappliedBefore('document.delete', { documentId: taskId, caseId }, row, null)).toEqual(row);
    const pulled = { ...row, file_name: 'Renamed on the server.txt' };
    expect(reappliedBefore('document.delete', { documentId: taskId, caseId }, row, pulled)).toEqual(pulled);
  });
});
