/**
 * The DASH checklists and MARAC referrals an agency holds about a person, for a subject access
 * request (docs/audit.md): read through the same SQL visibility filters as the rest of the holdings,
 * each owned by the agency that recorded it (the assessing or the referring agency).
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { dashAssessmentItem, maracReferralItem } from '../../domain/sar/sar-marac-items.ts';
import { dashAssessmentVisibleSql } from '../access/dash-assessment-visibility.ts';
import { maracReferralVisibleSql } from '../access/marac-referral-visibility.ts';
import { DEFAULT_REASSESSMENT_WEEKS, toDashAssessmentRecords } from '../marac/dash-assessment-record.ts';
import { toMaracReferralRecords } from '../marac/referral-record.ts';
import type { Holding } from './holding.ts';

/**
 * Referrals on `caseIds` (the held cases the person is on) naming the person as victim, person
 * causing harm or child, and the person's own DASH checklists; a checklist sits in the held cases
 * of the referrals resting on it, whose other people are its third parties.
 */
export async function loadMaracHoldings(
  db: Kysely<ServerDatabase>, viewer: PolicyUser, personId: string, caseIds: readonly string[], at: string,
): Promise<Holding[]> {
  const holdings: Holding[] = [];
  const referralRows = caseIds.length === 0 ? [] : await db.selectFrom('marac_referrals').selectAll()
    .where('case_id', 'in', [...caseIds]).where(maracReferralVisibleSql(viewer, at, 'marac_referrals'))
    .orderBy('created_at').orderBy('id').execute();
  const referrals = await toMaracReferralRecords(db, referralRows);
  for (const r of referrals) {
    const item = maracReferralItem(r, personId);
    if (item) {
      holdings.push({ ownerAgencyId: r.referringAgency.id, caseIds: [r.caseId], item });
    }
  }
  const dashRows = await db.selectFrom('dash_assessments').selectAll().where('person_id', '=', personId)
    .where(dashAssessmentVisibleSql(viewer, at, 'dash_assessments')).orderBy('assessed_at').orderBy('id').execute();
  // The reassessment date is not part of what was recorded: the default interval serves here.
  for (const a of await toDashAssessmentRecords(db, dashRows, DEFAULT_REASSESSMENT_WEEKS)) {
    const onCases = referrals.filter((r) => r.dashAssessmentId === a.id).map((r) => r.caseId);
    holdings.push({ ownerAgencyId: a.agency.id, caseIds: [...new Set(onCases)], item: dashAssessmentItem(a) });
  }
  return holdings;
}
