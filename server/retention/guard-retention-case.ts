/** The common refusal of the retention routes on one case: recorded as `denied`, answered without confirming another agency's ids. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { AuditAction } from '../../domain/audit/audit-actions.ts';
import { CodedError } from '../../domain/errors.ts';
import { mayManageRetention } from '../../domain/policy/retention-policy.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAuditNow, type AuditActor } from '../audit/record-audit.ts';
import { loadRetentionCase, type RetentionCase } from './retention-case.ts';

/** The case when `mayManageRetention` allows the user; else the refusal is recorded and thrown. */
export async function guardRetentionCase(
  db: Kysely<ServerDatabase>, user: AuthUser, actor: AuditActor, caseId: string, action: AuditAction, now: Date,
): Promise<RetentionCase> {
  const loaded = await loadRetentionCase(db, caseId);
  if (loaded && mayManageRetention(user, loaded.ownerAgencyId)) {
    return loaded;
  }
  await recordAuditNow(db, { actor, action, entityType: 'case', entityId: caseId, outcome: 'denied', at: now });
  // Another agency's case or no case at all: the same answer, so ids are not confirmed.
  throw user.role === 'data_officer'
    ? new CodedError('not_found', 'No such case owned by your agency.')
    : new CodedError('authorization_error', "Only a data officer of the case's agency may review, hold or erase it.");
}
