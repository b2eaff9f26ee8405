/**
 * Logging a subject access request (docs/audit.md): against a person the receiving agency can find
 * or holds records about; one consultation is opened with each other agency owning records among
 * what the receiving agency holds. Recorded as `sar.create` in the same transaction.
 */
import type { CreateSarBody } from '../../domain/entities/sar.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { sarDueOn } from '../../domain/sar/sar-due-date.ts';
import { personSearchableSql } from '../access/person-visibility.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';
import type { ServerContext } from '../context/server-context.ts';
import { withWrite } from '../db/write.ts';
import { holdingsViewerOf, loadHoldings, otherOwners } from './sar-holdings.ts';
import { refuse } from './sar-guard.ts';

/** Creates the request and its consultations; resolves to the request's id. */
export async function createSar(ctx: ServerContext, w: WriteContext, body: CreateSarBody): Promise<string> {
  const at = isoOf(w);
  const agencyId = w.user.agencyId;
  if (body.receivedOn > at.slice(0, 10)) {
    throw new CodedError('validation_error', 'The date received cannot be in the future.');
  }
  const viewer = await holdingsViewerOf(ctx.db, agencyId);
  const person = await ctx.db.selectFrom('persons').select(['id', 'merged_into_id']).where('id', '=', body.personId)
    .where(personSearchableSql(viewer, at, 'persons')).executeTakeFirst();
  if (!person) {
    await refuse(ctx, w, { action: 'sar.create', entityType: 'sar_request', entityId: null }, 'not_found', 'No such person.');
  }
  if (person!.merged_into_id !== null) {
    throw new CodedError('validation_error', 'This person was merged into another record: log the request against that one.');
  }
  const taken = await ctx.db.selectFrom('sar_requests').select('id').where('agency_id', '=', agencyId).where('reference', '=', body.reference).executeTakeFirst();
  if (taken) {
    throw new CodedError('conflict', 'Your agency already has a request with this reference.');
  }
  const holdings = await loadHoldings(ctx.db, agencyId, body.personId, at);
  const owners = otherOwners(holdings.holdings, agencyId);
  const id = newId();
  await withWrite(ctx, async (trx) => {
    await trx.insertInto('sar_requests').values({
      id, agency_id: agencyId, person_id: body.personId, reference: body.reference, received_on: body.receivedOn, due_on: sarDueOn(body.receivedOn),
      extension_months: null, extended_due_on: null, extension_reason: null, requester_name: body.requesterName,
      requester_relation: body.requesterRelation, requester_contact: body.requesterContact, status: 'open', created_by: w.user.id,
      created_at: at, closed_at: null, version: 1,
    }).execute();
    for (const owner of owners) {
      await trx.insertInto('sar_consultations').values({
        id: newId(), sar_id: id, owner_agency_id: owner, status: 'pending', exemption: null, exemption_reason: null,
        released_part: null, decided_by: null, decided_at: null, created_at: at,
      }).execute();
    }
    await recordAudit(trx, {
      actor: w.actor, action: 'sar.create', entityType: 'sar_request', entityId: id, outcome: 'success', at: w.now,
      details: { personId: body.personId, reference: body.reference, receivedOn: body.receivedOn, consultedAgencyIds: owners },
      subject: { personId: body.personId, ownerAgencyIds: owners },
    });
  });
  return id;
}
