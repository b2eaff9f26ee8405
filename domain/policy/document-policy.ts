/** Who may see a document: never wider than its report (if any) or its case (docs/access.md). */
import type { SharingLevel } from '../vocabulary.ts';
import { canSeeCase, type PolicyCase } from './case-policy.ts';
import type { PolicyShares, PolicyUser } from './policy-user.ts';
import { canSeeReport, restrictionAdmits, type PolicyReport } from './report-policy.ts';

/** The parts of a document the policy looks at. */
export interface PolicyDocument extends PolicyShares {
  ownerAgencyId: string;
  ownerTeamId: string | null;
  uploadedBy: string;
  /** `parent` follows the report or case it is attached to. */
  sharingLevel: 'parent' | SharingLevel;
}

/** True when the user may see (and download) the document. */
export function canSeeDocument(user: PolicyUser, doc: PolicyDocument, c: PolicyCase, report: PolicyReport | null, at?: string): boolean {
  const parentVisible = report === null ? canSeeCase(user, c, at) : canSeeReport(user, report, c, at);
  return parentVisible && restrictionAdmits(user, { agencyId: doc.ownerAgencyId, teamId: doc.ownerTeamId, userId: doc.uploadedBy }, doc.sharingLevel, doc);
}
