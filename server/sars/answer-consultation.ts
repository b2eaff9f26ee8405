/**
 * An owner agency's answer to a consultation (docs/audit.md): release its part with redactions —
 * the redacted copy is kept, and each redaction recorded — or withhold it under an exemption. Only
 * a pending consultation is answered (compare-and-set on its status); either way audited.
 */
import { createHash } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { SarConsultationTable, ServerDatabase } from '../../db/server/schema.ts';
import type { SarExemption, SarPart, SarRedactions } from '../../domain/entities/sar.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { redactPart, type RedactionRecord } from '../../domain/sar/redact-part.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import type { ServerContext } from '../context/server-context.ts';
import { withWrite } from '../db/write.ts';
import { loadHoldings } from './sar-holdings.ts';
import { partOf } from './sar-part.ts';

type Trx = Transaction<ServerDatabase>;

/** Records each redaction of a part (a passage by its SHA-256 only). */
export async function recordRedactions(trx: Trx, w: WriteContext, sarId: string, partAgencyId: string, records: readonly RedactionRecord[]): Promise<void> {
  for (const r of records) {
    await trx.insertInto('sar_redactions').values({
      id: newId(), sar_id: sarId, part_agency_id: partAgencyId, kind: r.kind, third_party_person_id: r.thirdPartyPersonId,
      record_type: r.recordType, record_id: r.recordId, text_sha256: r.text === null ? null : createHash('sha256').update(r.text).digest('hex'),
      redacted: r.redacted ? 1 : 0, reason: r.reason, occurrences: r.occurrences, decided_by: w.user.id, decided_at: isoOf(w),
    }).execute();
  }
}

/** Summary counts of a redaction set, for the audit event (no names, no passages). */
export function redactionCounts(records: readonly RedactionRecord[]) {
  return {
    thirdPartiesRedacted: records.filter((r) => r.kind === 'third_party_name' && r.redacted).length,
    thirdPartiesDisclosed: records.filter((r) => r.kind === 'third_party_name' && !r.redacted).length,
    recordsOmitted: records.filter((r) => r.kind === 'record').length,
    passagesRedacted: records.filter((r) => r.kind === 'text').length,
  };
}

async function markDecided(trx: Trx, c: SarConsultationTable, set: Partial<SarConsultationTable>): Promise<void> {
  const result = await trx.updateTable('sar_consultations').set(set).where('id', '=', c.id).where('status', '=', 'pending').executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new CodedError('conflict', 'This consultation has already been answered.');
  }
}

/** Releases the owner's part with `redactions`; resolves to the released (redacted) part. */
export async function releasePart(ctx: ServerContext, w: WriteContext, c: SarConsultationTable, redactions: SarRedactions): Promise<SarPart> {
  const sar = await ctx.db.selectFrom('sar_requests').selectAll().where('id', '=', c.sar_id).executeTakeFirstOrThrow();
  const holdings = await loadHoldings(ctx.db, sar.agency_id, sar.person_id, isoOf(w));
  const raw = partOf(holdings, c.owner_agency_id);
  const redacted = redactPart(raw.items, raw.flagged, raw.subjectFamilyName, redactions);
  const agency = await ctx.db.selectFrom('agencies').select(['id', 'name']).where('id', '=', c.owner_agency_id).executeTakeFirstOrThrow();
  const part: SarPart = { agency, items: redacted.items, thirdParties: redacted.thirdParties };
  await withWrite(ctx, async (trx) => {
    await markDecided(trx, c, { status: 'released', released_part: JSON.stringify(part), decided_by: w.user.id, decided_at: isoOf(w) });
    await recordRedactions(trx, w, sar.id, c.owner_agency_id, redacted.records);
    await recordAudit(trx, {
      actor: w.actor, action: 'sar.part_release', entityType: 'sar_consultation', entityId: c.id, outcome: 'success', at: w.now,
      details: { sarId: sar.id, receivingAgencyId: sar.agency_id, records: part.items.map((i) => ({ type: i.type, id: i.id })), ...redactionCounts(redacted.records) },
      subject: { personId: sar.person_id, ownerAgencyIds: [sar.agency_id] },
    });
  });
  return part;
}

/** Withholds the owner's part under `exemption`; the reason stays with the owner. */
export async function withholdPart(ctx: ServerContext, w: WriteContext, c: SarConsultationTable, exemption: SarExemption, reason: string): Promise<void> {
  const sar = await ctx.db.selectFrom('sar_requests').selectAll().where('id', '=', c.sar_id).executeTakeFirstOrThrow();
  await withWrite(ctx, async (trx) => {
    await markDecided(trx, c, { status: 'withheld', exemption, exemption_reason: reason, decided_by: w.user.id, decided_at: isoOf(w) });
    await recordAudit(trx, {
      actor: w.actor, action: 'sar.part_withhold', entityType: 'sar_consultation', entityId: c.id, outcome: 'success', at: w.now,
      justification: reason, details: { sarId: sar.id, exemption },
      // The owner's trail only: the reason is the owner's, so the receiving agency's trail does not carry this event.
      subject: { personId: null, ownerAgencyIds: [] },
    });
  });
}
