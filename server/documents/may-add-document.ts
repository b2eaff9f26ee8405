/** The pure policy's verdict on attaching a document to a case (and report), from freshly loaded shapes. */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { can, canSeeCase } from '../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { canSeeReport } from '../../domain/policy/report-policy.ts';
import { loadPolicyCase, loadPolicyReport } from './policy-loaders.ts';

/**
 * Throws not_found when the case (or the report, in that case) is not visible to the user at `at`,
 * and authorization_error when it is visible but the user may not add documents to it.
 */
export async function assertMayAddDocument(
  db: Kysely<ServerDatabase> | Transaction<ServerDatabase>, user: PolicyUser, at: string, caseId: string, reportId: string | null,
): Promise<void> {
  const policyCase = await loadPolicyCase(db, caseId);
  if (!policyCase || !canSeeCase(user, policyCase, at)) {
    throw new CodedError('not_found', 'No such case.');
  }
  if (!can(user, 'add_document', policyCase, at)) {
    throw new CodedError('authorization_error', 'You may not add documents to this case.');
  }
  if (reportId !== null) {
    const report = await loadPolicyReport(db, reportId);
    if (!report || report.caseId !== caseId || !canSeeReport(user, report, policyCase, at)) {
      throw new CodedError('not_found', 'No such report in this case.');
    }
  }
}
