/** What a user who can see a document may do with it. */
import { DECIDING_ROLES, type PolicyUser } from '../policy/policy-user.ts';

/** The parts of a document the delete rule looks at. */
export interface DeletableDocument {
  uploadedBy: string;
  ownerAgencyId: string;
}

/**
 * True when the user may delete a document they can see: the uploader, or a decider (team
 * manager, agency admin) of the agency that owns the document.
 */
export function canDeleteDocument(user: PolicyUser, doc: DeletableDocument): boolean {
  return doc.uploadedBy === user.id || (doc.ownerAgencyId === user.agencyId && DECIDING_ROLES.includes(user.role));
}

/** The abilities carried on every document the API returns (the caller can already see it). */
export function documentAbilities(user: PolicyUser, doc: DeletableDocument): { download: boolean; delete: boolean } {
  return { download: true, delete: canDeleteDocument(user, doc) };
}
