import { describe, expect, it } from 'vitest';
import { caseChangeFrom, draftFrom, isDirty, sameBase, type CaseChangeBase } from './case-change-draft.ts';

const open: CaseChangeBase = { version: 3, riskLevel: 'medium', status: 'open', closureReason: null };
const closed: CaseChangeBase = { version: 5, riskLevel: 'low', status: 'closed', closureReason: 'Tenant moved away.' };

describe('caseChangeFrom', () => {
  it('sends only the risk level when only the risk level changed', () => {
    expect(caseChangeFrom(open, { ...draftFrom(open), riskLevel: 'very_high' })).toEqual({ ok: true, args: { riskLevel: 'very_high' } });
  });

  it('sends nothing when nothing changed', () => {
    expect(caseChangeFrom(open, draftFrom(open))).toEqual({ ok: false, problem: 'nothing_changed' });
    expect(caseChangeFrom(closed, draftFrom(closed))).toEqual({ ok: false, problem: 'nothing_changed' });
  });

  it('closes with the trimmed reason, and refuses to close without one', () => {
    expect(caseChangeFrom(open, { ...draftFrom(open), status: 'closed', closureReason: '  Resolved after mediation. ' }))
      .toEqual({ ok: true, args: { status: 'closed', closureReason: 'Resolved after mediation.' } });
    expect(caseChangeFrom(open, { ...draftFrom(open), status: 'closed', closureReason: '   ' })).toEqual({ ok: false, problem: 'closure_reason_needed' });
  });

  it('reopens without a reason, whatever the reason box still holds', () => {
    expect(caseChangeFrom(closed, { ...draftFrom(closed), status: 'open' })).toEqual({ ok: true, args: { status: 'open' } });
  });

  it('edits only the reason of a closed case, and will not clear it', () => {
    expect(caseChangeFrom(closed, { ...draftFrom(closed), closureReason: 'Moved to another borough.' }))
      .toEqual({ ok: true, args: { closureReason: 'Moved to another borough.' } });
    expect(caseChangeFrom(closed, { ...draftFrom(closed), closureReason: '' })).toEqual({ ok: false, problem: 'closure_reason_needed' });
  });

  it('sends a risk change and a closure together', () => {
    expect(caseChangeFrom(open, { riskLevel: 'low', status: 'closed', closureReason: 'No further concerns.' }))
      .toEqual({ ok: true, args: { riskLevel: 'low', status: 'closed', closureReason: 'No further concerns.' } });
  });
});

describe('isDirty and sameBase', () => {
  it('a fresh draft is clean; any touched field makes it dirty', () => {
    expect(isDirty(open, draftFrom(open))).toBe(false);
    expect(isDirty(open, { ...draftFrom(open), riskLevel: 'high' })).toBe(true);
    expect(isDirty(open, { ...draftFrom(open), closureReason: 'x' })).toBe(true);
  });

  it('a new version or new values make a different base', () => {
    expect(sameBase(open, { ...open })).toBe(true);
    expect(sameBase(open, { ...open, version: 4 })).toBe(false);
    expect(sameBase(open, { ...open, riskLevel: 'high' })).toBe(false);
  });
});
