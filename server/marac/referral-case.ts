/**
 * The case a MARAC referral sits on (docs/marac.md): a new domestic abuse / MARAC case owned by the
 * referrer's agency and shared with the area's coordinating agency, or an existing case the referrer
 * may change that the coordinating agency already sees. The victim, perpetrators and children are
 * added as case subjects on the golden nominal.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { MaracReferralInput } from '../../domain/entities/marac-referral.ts';
import { coordinatorAgencySeesCase } from '../../domain/policy/marac-referral-policy.ts';
import type { SubjectRole } from '../../domain/vocabulary.ts';
import { refreshCaseAudience } from '../access/case-audience.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { addCaseSubject } from '../cases/case-parts-service.ts';
import { loadCaseFor } from '../cases/case-policy-loader.ts';
import { createCase } from '../cases/case-service.ts';
import { assertShareAllowed } from '../cases/case-sharing-service.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';

type Trx = Transaction<ServerDatabase>;

/** Opens the referral's case, or checks the linked one; returns its id. */
export async function referralCase(
  trx: Trx, w: WriteContext, body: MaracReferralInput, coordinatorAgencyId: string, victimName: string, newCaseId: string,
): Promise<string> {
  const at = isoOf(w);
  let caseId: string;
  if (body.caseId !== null) {
    const linked = await loadCaseFor(trx, body.caseId, w.user, at, 'update');
    if (!coordinatorAgencySeesCase(coordinatorAgencyId, linked.policy)) {
      throw new CodedError('validation_error', "Invalid body at caseId: share the case with the MARAC area's coordinating agency before referring it.");
    }
    caseId = body.caseId;
  } else {
    // Shared with the coordinating agency only: the meeting's other agencies are added when the case
    // goes on an agenda. The title names the victim, never the perpetrator.
    const shareWith = coordinatorAgencyId === w.user.agencyId ? [] : [coordinatorAgencyId];
    await assertShareAllowed(trx, w.user.agencyId, shareWith);
    const opened = await createCase(trx, w, {
      title: `MARAC referral – ${victimName}`, caseType: 'domestic_abuse_marac', riskLevel: 'high', reviewDate: null,
      sharingLevel: shareWith.length > 0 ? 'shared' : 'owner_agency', hiddenFromSearch: false,
    }, newCaseId);
    caseId = opened.row.id;
    if (shareWith.length > 0) {
      await trx.insertInto('case_shared_agencies').values(shareWith.map((agency_id) => ({ case_id: caseId, agency_id }))).execute();
      await refreshCaseAudience(trx, [caseId]);
      await recordAudit(trx, {
        actor: w.actor, action: 'record.share_change', entityType: 'case', entityId: caseId, outcome: 'success', at: w.now,
        details: { sharingLevel: 'shared', agencyIds: shareWith, reason: 'marac_referral' },
      });
    }
  }
  const people: Array<[string, SubjectRole]> = [
    [body.victim.personId, 'victim'],
    ...body.perpetrators.map((p): [string, SubjectRole] => [p.personId, 'perpetrator']),
    ...body.children.map((c): [string, SubjectRole] => [c.personId, 'child']),
  ];
  for (const [personId, role] of people) {
    const present = await trx.selectFrom('case_subjects').select('id')
      .where('case_id', '=', caseId).where('person_id', '=', personId).where('role', '=', role).executeTakeFirst();
    if (!present) {
      // Every person was checked as seen in full, so no link is made from a stub and nobody is notified.
      await addCaseSubject(trx, w, caseId, personId, role);
    }
  }
  return caseId;
}
