/**
 * Who may see and edit a report: never wider than its case; `case` follows the case, and an
 * authoring agency may restrict its own report further (docs/access.md).
 */
import type { SharingLevel } from '../vocabulary.ts';
import { canSeeCase, type PolicyCase } from './case-policy.ts';
import { audienceAdmits, type PolicyShares, type PolicyUser } from './policy-user.ts';

/** A report's sharing: `case` (follow the case) or a restriction by the authoring agency. */
export type ReportSharing = 'case' | SharingLevel;

/** The parts of a report the policy looks at. */
export interface PolicyReport extends PolicyShares {
  authorAgencyId: string;
  authorTeamId: string | null;
  authorUserId: string;
  sharingLevel: ReportSharing;
}

/** Actions on a report. */
export type ReportAction = 'read' | 'update';

/** True when the restriction of a report or document admits the user (`case`/`parent`: no restriction). */
export function restrictionAdmits(
  user: PolicyUser,
  owner: { agencyId: string; teamId: string | null; userId: string },
  level: SharingLevel | 'case' | 'parent',
  shares: PolicyShares,
): boolean {
  if (level === 'case' || level === 'parent') {
    return true;
  }
  return audienceAdmits(user, { ownerAgencyId: owner.agencyId, ownerTeamId: owner.teamId, ownerUserId: owner.userId }, level, shares);
}

/** True when the user may read the report inside the case. */
export function canSeeReport(user: PolicyUser, report: PolicyReport, c: PolicyCase, at?: string): boolean {
  return (
    canSeeCase(user, c, at) &&
    restrictionAdmits(user, { agencyId: report.authorAgencyId, teamId: report.authorTeamId, userId: report.authorUserId }, report.sharingLevel, report)
  );
}

/** True when the user may take the action; reports are edited by their author (versions kept). */
export function canOnReport(user: PolicyUser, action: ReportAction, report: PolicyReport, c: PolicyCase, at?: string): boolean {
  if (!canSeeReport(user, report, c, at)) {
    return false;
  }
  return action === 'read' || report.authorUserId === user.id;
}
