/**
 * One recipient's copy of a meeting pack: the pack cut down to what that user may see, decided by
 * the same policy functions as every other read (docs/access.md, docs/marac.md). A case the
 * recipient may not see leaves the agenda whole; research restricted away from them is dropped;
 * the copy carries no policy inputs (ids of owners, teams, grantees), only what is printed.
 */
import { canSeeCase, type PolicyCase } from '../policy/case-policy.ts';
import type { PolicyUser } from '../policy/policy-user.ts';
import { canSeeReport, type PolicyReport } from '../policy/report-policy.ts';
import { canSeeTask, type PolicyTask } from '../policy/task-policy.ts';
import type { MeetingPack, PackAction, PackCase, PackChild, PackResearch } from './meeting-pack.ts';

/** Who a copy is for: the policy's view of the user, and the words printed in the watermark. */
export interface PackRecipient {
  user: PolicyUser;
  name: string;
  agencyName: string;
}

/** A research item as printed: who wrote it, fact or opinion, and whether its agency restricted it. */
export interface CopyResearch {
  id: string;
  authorAgencyName: string;
  nature: PackResearch['nature'];
  text: string;
  recordedAt: string;
  /** True when the authoring agency narrowed it below the case's audience. */
  restricted: boolean;
}

/** An action as printed. */
export interface CopyAction {
  id: string;
  description: string;
  ownerAgencyName: string;
  dueOn: string;
  status: PackAction['status'];
}

/** A case as printed in a copy. */
export interface CopyCase {
  caseId: string;
  reference: string;
  emergency: boolean;
  referral: PackCase['referral'];
  dash: PackCase['dash'];
  criteria: PackCase['criteria'];
  repeat: boolean;
  children: PackChild[];
  research: CopyResearch[];
  actions: CopyAction[];
}

/** One recipient's copy: what the engine typesets. */
export interface MeetingPackCopy {
  meeting: MeetingPack['meeting'];
  recipient: { userId: string; name: string; agencyName: string };
  /** When the copy was made (ISO time); printed in the watermark. */
  generatedAt: string;
  cases: CopyCase[];
}

/** The three questions a copy asks of the policy. */
export interface PackAdmission {
  caseVisible(c: PackCase): boolean;
  researchVisible(r: PackResearch, c: PackCase): boolean;
  actionVisible(a: PackAction, c: PackCase): boolean;
}

/** The case's policy inputs. */
export function policyCaseOf(c: PackCase): PolicyCase {
  return c.access;
}

/** A research item's policy inputs: it is a report of its agency inside the case. */
export function policyReportOf(r: PackResearch): PolicyReport {
  return {
    authorAgencyId: r.authorAgencyId,
    authorTeamId: r.authorTeamId,
    authorUserId: r.authorUserId,
    sharingLevel: r.sharingLevel,
    sharedAgencyIds: r.sharedAgencyIds,
    sharedTeamIds: r.sharedTeamIds,
    sharedUserIds: r.sharedUserIds,
  };
}

/** An action's policy inputs: it is a task assigned to its owner agency (team or user when set). */
export function policyTaskOf(a: PackAction): PolicyTask {
  return { assigneeAgencyId: a.ownerAgencyId, assigneeTeamId: a.ownerTeamId, assigneeUserId: a.ownerUserId };
}

/** What the access policy admits for `user` at `at` (grants count while in force). */
export function policyAdmission(user: PolicyUser, at: string): PackAdmission {
  return {
    caseVisible: (c) => canSeeCase(user, policyCaseOf(c), at),
    researchVisible: (r, c) => canSeeReport(user, policyReportOf(r), policyCaseOf(c), at),
    // Actions are printed only inside a case the recipient sees; the task rule still has the last word.
    actionVisible: (a, c) => canSeeTask(user, policyTaskOf(a), policyCaseOf(c), at),
  };
}

/** Builds a copy keeping only what `admission` admits, in agenda order. */
export function shapeCopy(pack: MeetingPack, recipient: MeetingPackCopy['recipient'], at: string, admission: PackAdmission): MeetingPackCopy {
  const cases: CopyCase[] = [];
  for (const c of pack.cases) {
    if (!admission.caseVisible(c)) {
      continue;
    }
    cases.push({
      caseId: c.caseId,
      reference: c.reference,
      emergency: c.emergency,
      referral: c.referral,
      dash: c.dash,
      criteria: c.criteria,
      repeat: c.repeat,
      children: c.children,
      research: c.research.filter((r) => admission.researchVisible(r, c)).map((r) => ({
        id: r.id,
        authorAgencyName: r.authorAgencyName,
        nature: r.nature,
        text: r.text,
        recordedAt: r.recordedAt,
        restricted: r.sharingLevel !== 'case',
      })),
      actions: c.actions.filter((a) => admission.actionVisible(a, c)).map((a) => ({
        id: a.id,
        description: a.description,
        ownerAgencyName: a.ownerAgencyName,
        dueOn: a.dueOn,
        status: a.status,
      })),
    });
  }
  return { meeting: pack.meeting, recipient, generatedAt: at, cases };
}

/** The copy of `pack` for `recipient` at `at` (ISO time): only what the access policy lets them see. */
export function copyForRecipient(pack: MeetingPack, recipient: PackRecipient, at: string): MeetingPackCopy {
  return shapeCopy(
    pack,
    { userId: recipient.user.id, name: recipient.name, agencyName: recipient.agencyName },
    at,
    policyAdmission(recipient.user, at),
  );
}
