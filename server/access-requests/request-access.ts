/** Creates an access request for a case or person the requester cannot see, addressed to its owner agency. */
import { sql, type SqlBool, type Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { AccessRequestRecord, AccessResourceType } from '../../domain/entities/access-request.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';
import { personFullSql, personSearchableSql } from '../access/person-visibility.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { recordChange } from '../changes/record-change.ts';
import { withWrite } from '../db/write.ts';
import type { ServerContext } from '../context/server-context.ts';
import { findVisibleAccessRequest, toAccessRequestRecord } from './access-request-record.ts';

/** What the requester asks for. */
export interface AccessRequestInput {
  resourceType: AccessResourceType;
  resourceId: string;
  reason: string;
}

/**
 * The owner agency of a record the user may request: 404 when it does not exist or could not have
 * been discovered (hidden from search), 409 when the user can already see it.
 */
async function requestableOwner(trx: Transaction<ServerDatabase>, user: PolicyUser, at: string, input: AccessRequestInput): Promise<string> {
  const table = input.resourceType === 'case' ? 'cases' : 'persons';
  const visible = input.resourceType === 'case' ? caseVisibleSql(user, at, 'r') : personFullSql(user, at, 'r');
  const discoverable = input.resourceType === 'case'
    ? sql<SqlBool>`r.hidden_from_search = 0`
    : sql<SqlBool>`(r.merged_into_id is null and ${personSearchableSql(user, at, 'r')})`;
  // Both tables have id and owner_agency_id, and the conditions are raw SQL over alias r.
  const row = await trx.selectFrom(`${table} as r` as 'cases as r')
    .select([
      'r.owner_agency_id',
      sql<number>`case when ${visible} then 1 else 0 end`.as('visible'),
      sql<number>`case when ${discoverable} then 1 else 0 end`.as('discoverable'),
    ])
    .where('r.id', '=', input.resourceId).executeTakeFirst();
  if (row && Number(row.visible) === 1) {
    throw new CodedError('conflict', `You can already see this ${input.resourceType}.`);
  }
  if (!row || Number(row.discoverable) !== 1) {
    throw new CodedError('not_found', `No such ${input.resourceType}.`);
  }
  return row.owner_agency_id;
}

/** Records a pending request; the answer names the owner agency and never any content of the record. */
export async function requestAccess(ctx: ServerContext, user: PolicyUser, actor: AuditActor, input: AccessRequestInput): Promise<AccessRequestRecord> {
  if (!readsCases(user)) {
    throw new CodedError('authorization_error', 'Your role does not read case records, so it cannot request access to them.');
  }
  const now = ctx.now();
  const at = now.toISOString();
  return withWrite(ctx, async (trx) => {
    const ownerAgencyId = await requestableOwner(trx, user, at, input);
    const pending = await trx.selectFrom('access_requests').select('id')
      .where('requester_user_id', '=', user.id).where('resource_type', '=', input.resourceType)
      .where('resource_id', '=', input.resourceId).where('status', '=', 'pending').executeTakeFirst();
    if (pending) {
      throw new CodedError('conflict', 'You already have a pending request for this record.');
    }
    const id = newId();
    await trx.insertInto('access_requests').values({
      id, resource_type: input.resourceType, resource_id: input.resourceId, owner_agency_id: ownerAgencyId,
      requester_user_id: user.id, requester_agency_id: user.agencyId, reason: input.reason, status: 'pending',
      decided_by: null, decided_at: null, decision_note: null, grant_expires_at: null, created_at: at, version: 1,
    }).execute();
    await recordChange(trx, { entity: 'access_request', entityId: id, op: 'upsert', caseId: null, at });
    await recordAudit(trx, {
      actor, action: 'access.request', entityType: input.resourceType, entityId: input.resourceId, outcome: 'success', at: now,
      justification: input.reason, details: { requestId: id, ownerAgencyId },
    });
    await notifyUsers(trx, 'access_request_to_decide', { agencyId: ownerAgencyId, teamId: null, userId: null }, { accessRequestId: id }, at);
    const row = await findVisibleAccessRequest(trx, user, id);
    return toAccessRequestRecord(user, row!, at);
  });
}
