/** Reads access requests (with their grant) through the one visibility filter and builds wire records. */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { AccessRequestRecord, AccessRequestStatus } from '../../domain/entities/access-request.ts';
import { canDecideAccessRequest } from '../../domain/policy/access-request-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { accessRequestVisibleSql } from '../access/access-request-visibility.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

function baseQuery(db: Db, user: PolicyUser) {
  return db.selectFrom('access_requests')
    .leftJoin('access_grants', 'access_grants.request_id', 'access_requests.id')
    // Who asked and the two agencies, by name: directory entries, never content of the record.
    .innerJoin('users as requester', 'requester.id', 'access_requests.requester_user_id')
    .innerJoin('agencies as requester_agency', 'requester_agency.id', 'access_requests.requester_agency_id')
    .innerJoin('agencies as owner_agency', 'owner_agency.id', 'access_requests.owner_agency_id')
    .selectAll('access_requests')
    .select(['access_grants.id as grant_id', 'access_grants.expires_at as grant_expires', 'access_grants.revoked_at as grant_revoked_at'])
    .select(['requester.display_name as requester_name', 'requester_agency.name as requester_agency_name', 'owner_agency.name as owner_agency_name'])
    .where(accessRequestVisibleSql(user, 'access_requests'));
}

/** A row of the request with its grant columns. */
export type AccessRequestRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

/** The request if the user may see it (requester or deciding agency), else undefined. */
export function findVisibleAccessRequest(db: Db, user: PolicyUser, id: string): Promise<AccessRequestRow | undefined> {
  return baseQuery(db, user).where('access_requests.id', '=', id).executeTakeFirst();
}

/** The request holding a grant, if the user may see that request. */
export function findVisibleRequestByGrant(db: Db, user: PolicyUser, grantId: string): Promise<AccessRequestRow | undefined> {
  return baseQuery(db, user).where('access_grants.id', '=', grantId).executeTakeFirst();
}

/** The requests the user may see, newest first, optionally of one status. */
export function listVisibleAccessRequests(db: Db, user: PolicyUser, status: AccessRequestStatus | undefined): Promise<AccessRequestRow[]> {
  let query = baseQuery(db, user);
  if (status !== undefined) {
    query = query.where('access_requests.status', '=', status);
  }
  return query.orderBy('access_requests.created_at', 'desc').orderBy('access_requests.id').limit(500).execute();
}

/** True when the user may decide this request: a decider of the owner agency who did not make it. */
export function mayDecide(user: PolicyUser, row: { requester_user_id: string; owner_agency_id: string }): boolean {
  return row.requester_user_id !== user.id && canDecideAccessRequest(user, { requesterUserId: row.requester_user_id, ownerAgencyId: row.owner_agency_id });
}

/** The wire record, with the caller's abilities at `at`. */
export function toAccessRequestRecord(user: PolicyUser, row: AccessRequestRow, at: string): AccessRequestRecord {
  const status = row.status;
  const grant = row.grant_id && row.grant_expires ? { id: row.grant_id, expiresAt: row.grant_expires, revokedAt: row.grant_revoked_at ?? null } : null;
  return {
    id: row.id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    ownerAgencyId: row.owner_agency_id,
    ownerAgencyName: row.owner_agency_name,
    requesterUserId: row.requester_user_id,
    requesterName: row.requester_name,
    requesterAgencyId: row.requester_agency_id,
    requesterAgencyName: row.requester_agency_name,
    reason: row.reason,
    status,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    grant,
    createdAt: row.created_at,
    version: Number(row.version),
    abilities: {
      decide: status === 'pending' && mayDecide(user, row),
      revoke: grant !== null && grant.revokedAt === null && grant.expiresAt > at && mayDecide(user, row),
    },
  };
}
