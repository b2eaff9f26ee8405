/** What every mutation applier receives besides its arguments. */
import type { Selectable, Transaction } from 'kysely';
import type { CaseTable, ServerDatabase } from '../../../db/server/schema.ts';
import type { PolicyCase } from '../../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../../domain/policy/policy-user.ts';
import { SharingLevelSchema } from '../../../domain/vocabulary.ts';
import type { AuditActor } from '../../audit/record-audit.ts';

/** The caller, the time and the audit actor of a push. */
export interface MutationEnv {
  user: PolicyUser;
  now: Date;
  actor: AuditActor;
  dialect: 'sqlite' | 'postgres';
}

/** An applier's answer: applied, or a conflict with the server's current version and values (nothing written). */
export type MutationOutcome =
  | { status: 'applied' }
  | { status: 'conflict'; serverVersion: number; serverValue: Record<string, string | null> };

/** A case row with its policy shape (named shares and grants). */
export interface LoadedCase {
  row: Selectable<CaseTable>;
  policy: PolicyCase;
}

/**
 * Loads a case and everything the case policy looks at. On PostgreSQL the row is locked until
 * commit, so the compare-and-set that follows and the audited old values agree; SQLite runs one
 * writing transaction at a time anyway.
 */
export async function loadCaseForWrite(trx: Transaction<ServerDatabase>, env: MutationEnv, caseId: string): Promise<LoadedCase | undefined> {
  const query = trx.selectFrom('cases').selectAll().where('id', '=', caseId);
  const row = await (env.dialect === 'postgres' ? query.forUpdate() : query).executeTakeFirst();
  if (!row) {
    return undefined;
  }
  const agencies = await trx.selectFrom('case_shared_agencies').select('agency_id').where('case_id', '=', caseId).execute();
  const teams = await trx.selectFrom('case_shared_teams').select('team_id').where('case_id', '=', caseId).execute();
  const users = await trx.selectFrom('case_shared_users').select('user_id').where('case_id', '=', caseId).execute();
  const grants = await trx.selectFrom('access_grants').select(['user_id', 'expires_at', 'revoked_at'])
    .where('resource_type', '=', 'case').where('resource_id', '=', caseId).execute();
  return {
    row,
    policy: {
      ownerAgencyId: row.owner_agency_id, ownerTeamId: row.owner_team_id, ownerUserId: row.owner_user_id,
      sharingLevel: SharingLevelSchema.parse(row.sharing_level),
      sharedAgencyIds: agencies.map((a) => a.agency_id), sharedTeamIds: teams.map((t) => t.team_id), sharedUserIds: users.map((u) => u.user_id),
      grants: grants.map((g) => ({ userId: g.user_id, expiresAt: g.expires_at, revokedAt: g.revoked_at })),
    },
  };
}
