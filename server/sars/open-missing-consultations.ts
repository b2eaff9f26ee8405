/**
 * A request must not silently miss an agency whose records about the person the receiving agency
 * came to hold after it was logged (a case shared with it, the person added to another agency's
 * shared case). Each time an open request is read (`GET /sars/:id`, its own part) or its bundle is
 * generated, the owners among what the agency holds now are compared with the consultations, and any
 * missing one is opened, pending, and recorded as `sar.consult`, in one transaction (docs/audit.md).
 * The bundle then waits for it. An owner that no longer holds anything keeps its consultation.
 */
import type { SarRequestTable } from '../../db/server/schema.ts';
import { newId } from '../../domain/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import type { ServerContext } from '../context/server-context.ts';
import { withWrite } from '../db/write.ts';
import { loadHoldings, otherOwners } from './sar-holdings.ts';

/** Opens the consultations an open request is missing; resolves to the agencies newly consulted (none for a closed request). */
export async function openMissingConsultations(ctx: ServerContext, w: WriteContext, sar: SarRequestTable): Promise<string[]> {
  if (sar.status !== 'open') {
    return [];
  }
  const at = isoOf(w);
  const owners = otherOwners((await loadHoldings(ctx.db, sar.agency_id, sar.person_id, at)).holdings, sar.agency_id);
  if (owners.length === 0) {
    return [];
  }
  const consulted = async (db: Pick<ServerContext['db'], 'selectFrom'>) =>
    new Set((await db.selectFrom('sar_consultations').select('owner_agency_id').where('sar_id', '=', sar.id).execute()).map((c) => c.owner_agency_id));
  const before = await consulted(ctx.db);
  if (owners.every((o) => before.has(o))) {
    return [];
  }
  return withWrite(ctx, async (trx) => {
    // Lock the request's row (a no-op update; SQLite's writes are serial anyway) and read again: two
    // reads at once must not open the same consultation twice.
    await trx.updateTable('sar_requests').set({ id: sar.id }).where('id', '=', sar.id).execute();
    const existing = await consulted(trx);
    const missing = owners.filter((o) => !existing.has(o));
    if (missing.length === 0) {
      return [];
    }
    for (const owner of missing) {
      await trx.insertInto('sar_consultations').values({
        id: newId(), sar_id: sar.id, owner_agency_id: owner, status: 'pending', exemption: null, exemption_reason: null,
        released_part: null, decided_by: null, decided_at: null, created_at: at,
      }).execute();
    }
    await recordAudit(trx, {
      actor: w.actor, action: 'sar.consult', entityType: 'sar_request', entityId: sar.id, outcome: 'success', at: w.now,
      details: { personId: sar.person_id, consultedAgencyIds: missing },
      subject: { personId: sar.person_id, ownerAgencyIds: missing },
    });
    return missing;
  });
}
