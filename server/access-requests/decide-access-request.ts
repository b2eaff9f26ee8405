/** Approves (creating a time-limited grant) or denies a pending access request, compare-and-set on its version. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { MAX_GRANT_DAYS, type AccessRequestRecord } from '../../domain/entities/access-request.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { refreshCaseAudience } from '../access/case-audience.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { capturePrior } from '../changes/capture-prior.ts';
import type { PriorSnapshot } from '../changes/prior-snapshot.ts';
import { notifyUsers } from '../notifications/notify-users.ts';
import { recordChange } from '../changes/record-change.ts';
import { withWrite } from '../db/write.ts';
import type { ServerContext } from '../context/server-context.ts';
import { findVisibleAccessRequest, mayDecide, toAccessRequestRecord, type AccessRequestRow } from './access-request-record.ts';

/** The decision on a request. */
export type AccessDecision =
  | { kind: 'approve'; expiresAt: string; note?: string | undefined; expectedVersion: number }
  | { kind: 'deny'; note: string; expectedVersion: number };

const DAY_MS = 86_400_000;

/** Loads a request the user may decide: 404 if they cannot see it, 403 if they see it but may not decide it. */
export async function loadDecidable(trx: Transaction<ServerDatabase>, user: PolicyUser, load: () => Promise<AccessRequestRow | undefined>): Promise<AccessRequestRow> {
  const row = await load();
  if (!row) {
    throw new CodedError('not_found', 'No such access request.');
  }
  if (!mayDecide(user, row)) {
    throw new CodedError('authorization_error', 'Only a manager or admin of the owning agency, other than the requester, may decide this.');
  }
  return row;
}

/** Who could see the record a grant is on, read before the grant is added or revoked. */
export function captureGrantPrior(trx: Transaction<ServerDatabase>, row: AccessRequestRow, at: string): Promise<PriorSnapshot | null> {
  return capturePrior(trx, row.resource_type === 'case' ? 'case' : 'person', row.resource_id, at);
}

/** Records who-may-see changes for the record a grant is on, so sync sends it (or its removal) to the requester. */
export async function recordAccessChange(trx: Transaction<ServerDatabase>, row: AccessRequestRow, at: string, prior: PriorSnapshot | null): Promise<void> {
  const caseId = row.resource_type === 'case' ? row.resource_id : null;
  await recordChange(trx, { entity: row.resource_type === 'case' ? 'case' : 'person', entityId: row.resource_id, op: 'access', caseId, at, prior });
  await recordChange(trx, { entity: 'access_request', entityId: row.id, op: 'upsert', caseId: null, at });
}

/** Decides a pending request; 409 when it was already decided or its version moved on. */
export async function decideAccessRequest(
  ctx: ServerContext, user: PolicyUser, actor: AuditActor, id: string, decision: AccessDecision,
): Promise<AccessRequestRecord> {
  const now = ctx.now();
  const at = now.toISOString();
  if (decision.kind === 'approve') {
    const expires = Date.parse(decision.expiresAt);
    if (!(expires > now.getTime()) || expires > now.getTime() + MAX_GRANT_DAYS * DAY_MS) {
      throw new CodedError('validation_error', `A grant must expire in the future and at most ${MAX_GRANT_DAYS} days ahead.`);
    }
  }
  const expiresAt = decision.kind === 'approve' ? new Date(decision.expiresAt).toISOString() : null;
  return withWrite(ctx, async (trx) => {
    const row = await loadDecidable(trx, user, () => findVisibleAccessRequest(trx, user, id));
    if (row.status !== 'pending') {
      throw new CodedError('conflict', 'This request has already been decided.');
    }
    const updated = await trx.updateTable('access_requests')
      .set((eb) => ({
        status: decision.kind === 'approve' ? 'approved' : 'denied', decided_by: user.id, decided_at: at,
        decision_note: decision.note ?? null, grant_expires_at: expiresAt, version: eb('version', '+', 1),
      }))
      .where('id', '=', id).where('status', '=', 'pending').where('version', '=', decision.expectedVersion)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw new CodedError('conflict', 'The request changed since you loaded it; reload and decide again.');
    }
    if (expiresAt !== null) {
      const prior = await captureGrantPrior(trx, row, at);
      await trx.insertInto('access_grants').values({
        id: newId(), request_id: id, resource_type: row.resource_type, resource_id: row.resource_id,
        user_id: row.requester_user_id, expires_at: expiresAt, revoked_at: null,
      }).execute();
      if (row.resource_type === 'case') {
        // The list finds a granted case through the user's `g:` audience row (docs/access.md).
        await refreshCaseAudience(trx, [row.resource_id]);
      }
      await recordAccessChange(trx, row, at, prior);
    } else {
      await recordChange(trx, { entity: 'access_request', entityId: id, op: 'upsert', caseId: null, at });
    }
    await recordAudit(trx, {
      actor, action: 'access.decision', entityType: 'access_request', entityId: id, outcome: 'success', at: now,
      justification: decision.note ?? null,
      details: { decision: decision.kind === 'approve' ? 'approved' : 'denied', resourceType: row.resource_type, resourceId: row.resource_id, requesterUserId: row.requester_user_id, expiresAt },
    });
    await notifyUsers(trx, 'access_decided', { agencyId: row.requester_agency_id, teamId: null, userId: row.requester_user_id }, { accessRequestId: id }, at);
    const fresh = await findVisibleAccessRequest(trx, user, id);
    return toAccessRequestRecord(user, fresh!, at);
  });
}
