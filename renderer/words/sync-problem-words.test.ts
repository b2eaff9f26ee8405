import { describe, expect, it } from 'vitest';
import { describeChange, fieldLabel, fieldValue, mergeDraft } from './sync-problem-words.ts';

describe('the words of a conflict', () => {
  it('names the contested fields and shows their values with the labels people know', () => {
    expect(fieldLabel('riskLevel')).toBe('Risk level');
    expect(fieldLabel('closureReason')).toBe('Closure reason');
    expect(fieldLabel('somethingNew')).toBe('somethingNew');
    expect(fieldValue('riskLevel', 'very_high')).toBe('Very high');
    expect(fieldValue('status', 'closed')).toBe('Closed');
    expect(fieldValue('closureReason', 'Tenant moved away.')).toBe('Tenant moved away.');
    expect(fieldValue('closureReason', null)).toBe('(none)');
    expect(fieldValue('riskLevel', 'unheard_of')).toBe('unheard_of');
  });
});

describe('describeChange', () => {
  it('says what a refused case change would have set', () => {
    expect(describeChange('case.update', { caseId: 'x', riskLevel: 'high', status: 'closed', closureReason: 'Done.' }))
      .toBe('Change a case: risk level to High, status to Closed, closure reason to Done.');
  });

  it('names a refused report or task by its title and kind', () => {
    expect(describeChange('report.create', { kind: 'contact', title: 'Door-step visit' })).toBe('Add a contact record: “Door-step visit”');
    expect(describeChange('case.create', { title: 'Noise at Marram Court' })).toBe('Open a case: “Noise at Marram Court”');
    expect(describeChange('task.create', { title: 'Visit tenant' })).toBe('Add a task: “Visit tenant”');
    expect(describeChange('task.update', { status: 'done' })).toBe('Set a task to done');
  });

  it('says what a refused document change would have done, naming an attached file', () => {
    expect(describeChange('document.upload', { documentId: 'x', caseId: 'y', fileName: 'Visit note.txt' })).toBe('Attach a file: “Visit note.txt”');
    expect(describeChange('document.upload', { documentId: 'x' })).toBe('Attach a file');
    expect(describeChange('document.delete', { documentId: 'x', caseId: 'y' })).toBe('Delete a document');
  });

  it('still says something for a change it does not know', () => {
    expect(describeChange('case.delete', {})).toBe('A change');
    expect(describeChange('report.create', { title: 42 })).toBe('Add a report');
  });
});

describe('mergeDraft', () => {
  it('starts from both texts when they differ, the server text first', () => {
    expect(mergeDraft('Resolved after mediation.', 'Tenant moved away.')).toBe('Tenant moved away.\nResolved after mediation.');
  });

  it('starts from the one text there is, once when both are the same', () => {
    expect(mergeDraft('Mine only.', null)).toBe('Mine only.');
    expect(mergeDraft(null, 'Theirs only.')).toBe('Theirs only.');
    expect(mergeDraft(' Same. ', 'Same.')).toBe('Same.');
    expect(mergeDraft(null, '')).toBe('');
  });
});

describe('describeChange for warnings', () => {
  it('says what a refused warning change would have done', () => {
    expect(describeChange('marker.create', { markerType: 'staff_safety', description: 'Dog' })).toBe('Place a warning: staff safety');
    expect(describeChange('marker.update', { markerId: 'x', expiresAt: '2026-12-05T10:00:00.000Z' })).toBe('End a warning');
    expect(describeChange('marker.update', { markerId: 'x', reviewDate: '2027-03-01' })).toBe('Change a warning');
  });
});
