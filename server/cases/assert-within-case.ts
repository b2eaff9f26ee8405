/**
 * Refuses a new report's or document's restriction that reaches beyond its case (docs/access.md):
 * the same rule as changing who sees one, checked at creation before anything is written.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { fitsCase, widerThanCase, type PolicyRestriction } from '../../domain/policy/within-case.ts';
import { loadCase } from './case-policy-loader.ts';
import { directoryLookup } from './sharing-directory.ts';

/** Throws `validation_error` when the restriction admits anyone the case does not; `not_found` when there is no such case. */
export async function assertWithinCase(
  trx: Transaction<ServerDatabase>, caseId: string, viewer: PolicyUser, restriction: PolicyRestriction, what: 'report' | 'document',
): Promise<void> {
  const loaded = await loadCase(trx, caseId, viewer);
  if (!loaded) {
    throw new CodedError('not_found', 'No such case.');
  }
  const wider = widerThanCase(loaded.policy, restriction, await directoryLookup(trx, restriction.teamIds, restriction.userIds));
  if (!fitsCase(wider)) {
    throw new CodedError('validation_error', `A ${what} cannot be shared more widely than its case: choose people who can already see the case.`);
  }
}
