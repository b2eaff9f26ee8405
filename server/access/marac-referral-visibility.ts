/** SQL twin of the referral rule (domain/policy/marac-referral-policy.ts): a referral is seen exactly by whoever sees its case. */
import type { RawBuilder, SqlBool } from 'kysely';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseIdVisibleSql } from './case-visibility.ts';

/** The filter over `alias` (a `marac_referrals` row) for the user at `at`. */
export function maracReferralVisibleSql(user: PolicyUser, at: string, alias = 'marac_referrals'): RawBuilder<SqlBool> {
  return caseIdVisibleSql(user, at, `${alias}.case_id`);
}
