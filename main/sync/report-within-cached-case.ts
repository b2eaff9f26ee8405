/**
 * The desktop's own check that a new report is never wider than its case (docs/access.md), made
 * from the offline copy before the change is queued; the server checks again at push.
 */
import type { Kysely } from 'kysely';
import { CodedError } from '../../domain/errors.ts';
import type { PolicyCase } from '../../domain/policy/case-policy.ts';
import { fitsCase, widerThanCase } from '../../domain/policy/within-case.ts';
import type { MutationArgs } from '../../domain/sync/mutations.ts';
import { SharingLevelSchema } from '../../domain/vocabulary.ts';
import type { LocalActor, SyncCacheDatabase } from './sync-cache-db.ts';

/** Throws `validation_error` when the report's level admits someone the cached case does not. */
export async function assertReportWithinCachedCase(db: Kysely<SyncCacheDatabase>, args: MutationArgs<'report.create'>, actor: LocalActor): Promise<void> {
  if (args.sharingLevel === 'case' || actor.role === undefined) {
    return;
  }
  const row = await db.selectFrom('cases').select(['sharing_level', 'owner_agency_id', 'owner_team_id', 'owner_user_id', 'shared_agency_ids'])
    .where('id', '=', args.caseId).executeTakeFirst();
  const level = SharingLevelSchema.safeParse(row?.sharing_level);
  if (!row || !level.success) {
    return; // not in the copy: the server decides at push
  }
  const teamIds = actor.teamIds ?? [];
  const c: PolicyCase = {
    sharingLevel: level.data, ownerAgencyId: row.owner_agency_id, ownerTeamId: row.owner_team_id, ownerUserId: row.owner_user_id,
    sharedAgencyIds: JSON.parse(row.shared_agency_ids) as string[],
    // The copy does not hold the teams and people a case is shared with by name: give the author the benefit of the doubt.
    sharedTeamIds: teamIds, sharedUserIds: [actor.userId],
  };
  const owner = { id: actor.userId, agencyId: actor.agencyId, teamIds, role: actor.role, teamId: actor.teamId };
  const wider = widerThanCase(c, { level: args.sharingLevel, owner, agencyIds: [], teamIds: [], userIds: [] }, { teamAgency: () => undefined, user: () => undefined });
  if (!fitsCase(wider)) {
    throw new CodedError('validation_error', 'A report cannot be shared more widely than its case: choose people who can already see the case.');
  }
}
