/** Opens and changes cases: the write logic shared by the HTTP routes and the sync push. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import type { CreateCaseBody, PatchCaseBody } from '../../domain/entities/case.ts';
import { newId } from '../../domain/ids.ts';
import { CASE_SAFETY_FIELDS } from '../../domain/sync/mutations.ts';
import { readsCases } from '../../domain/policy/policy-user.ts';
import { refreshCaseAudience } from '../access/case-audience.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordChange } from '../changes/record-change.ts';
import { loadCase, loadCaseFor, type LoadedCase } from './case-policy-loader.ts';
import { caseReference } from './case-reference.ts';
import { assertActiveCaseType } from './case-types.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';

type Trx = Transaction<ServerDatabase>;

/** Reloads a case after a write in the same transaction. */
export async function reloadCase(trx: Trx, w: WriteContext, caseId: string): Promise<LoadedCase> {
  const loaded = await loadCase(trx, caseId, w.user);
  if (!loaded) {
    throw new CodedError('not_found', 'No such case.');
  }
  return loaded;
}

/** Checks that a team belongs to an agency (validation error otherwise). */
export async function assertTeamOfAgency(trx: Trx, teamId: string, agencyId: string, field: string): Promise<void> {
  const team = await trx.selectFrom('teams').select('agency_id').where('id', '=', teamId).executeTakeFirst();
  if (!team || team.agency_id !== agencyId) {
    throw new CodedError('validation_error', `Invalid body at ${field}: not a team of that agency.`);
  }
}

/** Opens a case owned by the caller's agency, with the caller as owner user. */
export async function createCase(trx: Trx, w: WriteContext, body: CreateCaseBody, id: string = newId()): Promise<LoadedCase> {
  if (!readsCases(w.user)) {
    throw new CodedError('authorization_error', 'Your role does not work on cases.');
  }
  await assertActiveCaseType(trx, body.caseType);
  const ownerTeamId = body.ownerTeamId === undefined ? (w.user.teamIds[0] ?? null) : body.ownerTeamId;
  if (ownerTeamId !== null) {
    await assertTeamOfAgency(trx, ownerTeamId, w.user.agencyId, 'ownerTeamId');
  }
  const reference = await caseReference(trx, w.user.agencyId, w.now, body.reference);
  const at = isoOf(w);
  const seq = await recordChange(trx, { entity: 'case', entityId: id, op: 'upsert', caseId: id, at });
  await trx.insertInto('cases').values({
    id, reference, title: body.title, case_type: body.caseType, status: 'open', closure_reason: null, risk_level: body.riskLevel,
    review_date: body.reviewDate, owner_agency_id: w.user.agencyId, owner_team_id: ownerTeamId, owner_user_id: w.user.id,
    sharing_level: body.sharingLevel, hidden_from_search: body.hiddenFromSearch ? 1 : 0, created_by: w.user.id,
    created_at: at, updated_at: at, version: 1, seq,
  }).execute();
  await refreshCaseAudience(trx, [id]);
  await recordAudit(trx, {
    actor: w.actor, action: 'record.create', entityType: 'case', entityId: id, outcome: 'success', at: w.now,
    details: { reference, caseType: body.caseType, sharingLevel: body.sharingLevel },
  });
  return reloadCase(trx, w, id);
}

/**
 * Changes case fields. Title and review date are last-writer-wins; risk level, status and closure
 * reason need `expectedVersion` and are compare-and-set in the UPDATE (409 `conflict` on mismatch).
 */
export async function updateCase(trx: Trx, w: WriteContext, caseId: string, patch: PatchCaseBody): Promise<LoadedCase> {
  const at = isoOf(w);
  const closing = patch.status === 'closed';
  const { row } = await loadCaseFor(trx, caseId, w.user, at, closing ? 'close' : 'update');
  const safety = CASE_SAFETY_FIELDS.some((f) => patch[f] !== undefined);
  if (safety && patch.expectedVersion === undefined) {
    throw new CodedError('validation_error', 'Invalid body at expectedVersion: required to change risk level, status or closure reason.');
  }
  const status = patch.status ?? row.status;
  let closureReason = patch.closureReason !== undefined ? patch.closureReason : row.closure_reason;
  if (status === 'open') {
    if (patch.closureReason) {
      throw new CodedError('validation_error', 'Invalid body at closureReason: an open case has no closure reason.');
    }
    closureReason = null;
  } else if (!closureReason) {
    throw new CodedError('validation_error', 'Invalid body at closureReason: closing a case needs a closure reason.');
  }
  const next = {
    title: patch.title ?? row.title,
    review_date: patch.reviewDate !== undefined ? patch.reviewDate : row.review_date,
    risk_level: patch.riskLevel ?? row.risk_level,
    status,
    closure_reason: closureReason,
  };
  const changes: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(next) as (keyof typeof next)[]) {
    if (next[key] !== row[key]) {
      changes[key] = [row[key], next[key]];
    }
  }
  if (patch.expectedVersion !== undefined && patch.expectedVersion !== row.version) {
    throw new CodedError('conflict', 'The case changed since you loaded it; reload and try again.');
  }
  if (Object.keys(changes).length === 0) {
    return reloadCase(trx, w, caseId);
  }
  // Only the changed fields are written, so a plain edit never overwrites a concurrent safety change.
  const set = Object.fromEntries(Object.keys(changes).map((k) => [k, next[k as keyof typeof next]])) as Partial<typeof next>;
  const seq = await recordChange(trx, { entity: 'case', entityId: caseId, op: 'upsert', caseId, at });
  const result = await trx.updateTable('cases')
    // Closing stamps `closed_at` (a retention review counts from it); reopening clears it.
    .set((eb) => ({ ...set, ...(changes.status ? { closed_at: status === 'closed' ? at : null } : {}), updated_at: at, seq, version: eb('version', '+', 1) }))
    .where('id', '=', caseId)
    .$if(patch.expectedVersion !== undefined, (qb) => qb.where('version', '=', patch.expectedVersion!))
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) {
    throw new CodedError('conflict', 'The case changed since you loaded it; reload and try again.');
  }
  // `updated_at` moved: the audience rows carry it for the list's order.
  await refreshCaseAudience(trx, [caseId]);
  await recordAudit(trx, { actor: w.actor, action: 'record.update', entityType: 'case', entityId: caseId, outcome: 'success', at: w.now, details: { changes } });
  return reloadCase(trx, w, caseId);
}
