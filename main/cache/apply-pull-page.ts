/** Writes one pull page into the cache inside the caller's transaction. */
import type { Transaction } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';

/** Upserts changes, deletes removals and stores the new cursor — all or nothing. */
export async function applyPullPage(trx: Transaction<CacheDatabase>, page: PullResponse): Promise<void> {
  for (const change of page.changes) {
    if (change.entity === 'agency') {
      const { id, name, kind, code } = change.data;
      await trx.insertInto('agencies').values({ id, name, kind, code })
        .onConflict((oc) => oc.column('id').doUpdateSet({ name, kind, code })).execute();
    } else if (change.entity === 'case') {
      const c = change.data;
      const row = {
        id: c.id,
        reference: c.reference,
        title: c.title,
        case_type: c.caseType,
        status: c.status,
        closure_reason: c.closureReason,
        risk_level: c.riskLevel,
        review_date: c.reviewDate,
        owner_agency_id: c.ownerAgencyId,
        owner_team_id: c.ownerTeamId,
        owner_user_id: c.ownerUserId,
        sharing_level: c.sharingLevel,
        shared_agency_ids: JSON.stringify(c.sharedAgencyIds),
        created_at: c.createdAt,
        updated_at: c.updatedAt,
        version: c.version,
      };
      const { id: _id, ...update } = row;
      await trx.insertInto('cases').values(row).onConflict((oc) => oc.column('id').doUpdateSet(update)).execute();
    }
  }
  // The cache holds agencies and cases so far; other entities are skipped until it has tables for them.
  for (const removal of page.removals) {
    if (removal.entity === 'agency' || removal.entity === 'case') {
      await trx.deleteFrom(removal.entity === 'agency' ? 'agencies' : 'cases').where('id', '=', removal.id).execute();
    }
  }
  await trx.insertInto('meta').values({ key: 'cursor', value: page.cursor })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: page.cursor })).execute();
}
