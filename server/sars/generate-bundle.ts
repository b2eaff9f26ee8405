/**
 * Generating a complete request's bundle (docs/audit.md): the own part read live and redacted with
 * the officer's decisions (each recorded), the released parts from their kept copies. Recorded as
 * `export.create` (a disclosure) with both files' SHA-256, in the same transaction as the redactions.
 */
import type { SarRequestTable } from '../../db/server/schema.ts';
import type { SarPart, SarRedactions } from '../../domain/entities/sar.ts';
import { CodedError } from '../../domain/errors.ts';
import type { SarBundleFiles } from '../../domain/http/sar-routes.ts';
import { receivingAgencySeesPart } from '../../domain/policy/sar-policy.ts';
import { redactPart } from '../../domain/sar/redact-part.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import type { ServerContext } from '../context/server-context.ts';
import { withWrite } from '../db/write.ts';
import { recordRedactions, redactionCounts } from './answer-consultation.ts';
import { renderSarBundle, SAR_BUNDLE_FORMAT, type SarBundle } from './bundle/sar-bundle.ts';
import { openMissingConsultations } from './open-missing-consultations.ts';
import { loadHoldings } from './sar-holdings.ts';
import { partOf } from './sar-part.ts';
import { dueOnOf } from './sar-records.ts';

/** Builds, records and returns the bundle of `sar`; a request still waiting on a consultation is a `conflict`. */
export async function generateSarBundle(ctx: ServerContext, w: WriteContext, sar: SarRequestTable, redactions: SarRedactions): Promise<SarBundleFiles> {
  // An agency whose records about the person appeared since the request was logged is consulted first.
  await openMissingConsultations(ctx, w, sar);
  const consultations = await ctx.db.selectFrom('sar_consultations').selectAll().where('sar_id', '=', sar.id).orderBy('owner_agency_id').execute();
  if (consultations.some((c) => c.status === 'pending')) {
    throw new CodedError('conflict', 'The request is still waiting on a consultation: the bundle is made once every part is answered.');
  }
  const at = isoOf(w);
  const holdings = await loadHoldings(ctx.db, sar.agency_id, sar.person_id, at);
  const raw = partOf(holdings, sar.agency_id);
  const own = redactPart(raw.items, raw.flagged, raw.subjectFamilyName, redactions);
  const agency = await ctx.db.selectFrom('agencies').select(['id', 'name']).where('id', '=', sar.agency_id).executeTakeFirstOrThrow();
  const released = consultations.filter((c) => receivingAgencySeesPart(c.status) && c.released_part !== null)
    .map((c) => ({ ...(JSON.parse(c.released_part!) as SarPart), source: 'released' as const }));
  const bundle: SarBundle = {
    format: SAR_BUNDLE_FORMAT, marking: 'OFFICIAL-SENSITIVE',
    request: { id: sar.id, reference: sar.reference, receivedOn: sar.received_on, dueOn: dueOnOf(sar),
      person: { id: sar.person_id, name: `${holdings.subject.givenName} ${holdings.subject.familyName}` } },
    generatedAt: at, generatedBy: { userId: w.user.id, agency: agency.name },
    parts: [{ agency, items: own.items, thirdParties: own.thirdParties, source: 'own' }, ...released],
  };
  const files = renderSarBundle(bundle);
  await withWrite(ctx, async (trx) => {
    await recordRedactions(trx, w, sar.id, sar.agency_id, own.records);
    await recordAudit(trx, {
      actor: w.actor, action: 'export.create', entityType: 'sar_request', entityId: sar.id, outcome: 'success', at: w.now,
      details: {
        export: 'sar_bundle', jsonSha256: files.jsonSha256, pdfSha256: files.pdfSha256, pages: files.pages,
        releasedAgencyIds: released.map((p) => p.agency.id), ownRecords: own.items.length, ...redactionCounts(own.records),
      },
      subject: { personId: sar.person_id },
    });
  });
  return files;
}
