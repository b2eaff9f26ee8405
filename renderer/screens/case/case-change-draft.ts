/** The case screen's change form as data: what the user started from, what they chose, and the `case.update` that follows. */
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import type { CaseStatus, RiskLevel } from '../../../domain/vocabulary.ts';

/** The safety-critical fields as the user saw them, with the version they belong to. */
export interface CaseChangeBase {
  version: number;
  riskLevel: RiskLevel;
  status: CaseStatus;
  closureReason: string | null;
}

/** What the form holds; the closure reason is the text box's content. */
export interface CaseChangeDraft {
  riskLevel: RiskLevel;
  status: CaseStatus;
  closureReason: string;
}

/** The case.update arguments of a draft (without the case id), or why there are none. */
export type CaseChangeCheck =
  | { ok: true; args: Omit<MutationArgs<'case.update'>, 'caseId'> }
  | { ok: false; problem: 'nothing_changed' | 'closure_reason_needed' };

/** The form's starting point for a base. */
export function draftFrom(base: CaseChangeBase): CaseChangeDraft {
  return { riskLevel: base.riskLevel, status: base.status, closureReason: base.closureReason ?? '' };
}

/** True when the user has changed any field of the form. */
export function isDirty(base: CaseChangeBase, draft: CaseChangeDraft): boolean {
  const start = draftFrom(base);
  return draft.riskLevel !== start.riskLevel || draft.status !== start.status || draft.closureReason !== start.closureReason;
}

/** True when two bases show the same fields at the same version. */
export function sameBase(a: CaseChangeBase, b: CaseChangeBase): boolean {
  return a.version === b.version && a.riskLevel === b.riskLevel && a.status === b.status && a.closureReason === b.closureReason;
}

/**
 * Only the fields the user changed are sent. Closing needs a reason; reopening sends no reason
 * (the server clears it); editing the reason of a closed case sends just the reason.
 */
export function caseChangeFrom(base: CaseChangeBase, draft: CaseChangeDraft): CaseChangeCheck {
  const args: Omit<MutationArgs<'case.update'>, 'caseId'> = {};
  if (draft.riskLevel !== base.riskLevel) {
    args.riskLevel = draft.riskLevel;
  }
  const reason = draft.closureReason.trim();
  if (draft.status === 'closed') {
    if (reason.length === 0) {
      // The server keeps a closed case's reason only if there is one: any change then needs one.
      const changes = base.status !== 'closed' || base.closureReason !== null || Object.keys(args).length > 0;
      return { ok: false, problem: changes ? 'closure_reason_needed' : 'nothing_changed' };
    }
    if (draft.status !== base.status) {
      args.status = 'closed';
      args.closureReason = reason;
    } else if (reason !== (base.closureReason ?? '')) {
      args.closureReason = reason;
    }
  } else if (draft.status !== base.status) {
    args.status = 'open';
  }
  return Object.keys(args).length > 0 ? { ok: true, args } : { ok: false, problem: 'nothing_changed' };
}
