/** The SQL twin of `canSeeCase`: one visibility filter for cases, built apart from running it. */
import { sql, type ExpressionBuilder, type Expression, type SqlBool } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { ROLES_WITHOUT_CASE_READING, type PolicyUser } from '../../domain/policy/case-policy.ts';

/** A WHERE expression over `cases` true exactly for the cases the user may see. */
export function caseVisibleTo(user: PolicyUser) {
  return (eb: ExpressionBuilder<ServerDatabase, 'cases'>): Expression<SqlBool> => {
    if (ROLES_WITHOUT_CASE_READING.includes(user.role)) {
      return sql<SqlBool>`1 = 0`;
    }
    const teamIds = user.teamIds.length > 0 ? [...user.teamIds] : ['00000000-0000-0000-0000-000000000000'];
    const isOwner = eb('cases.owner_user_id', '=', user.id);
    const inOwnerAgency = eb('cases.owner_agency_id', '=', user.agencyId);
    const inOwnerTeam = eb.and([inOwnerAgency, eb('cases.owner_team_id', 'in', teamIds)]);
    const ownerOnly = user.role === 'team_manager' ? eb.or([isOwner, inOwnerTeam]) : isOwner;
    const sharedWithMe = eb.exists(
      eb.selectFrom('case_shared_agencies')
        .select('case_shared_agencies.case_id')
        .whereRef('case_shared_agencies.case_id', '=', 'cases.id')
        .where('case_shared_agencies.agency_id', '=', user.agencyId),
    );
    return eb.or([
      eb.and([eb('cases.sharing_level', '=', 'owner_only'), ownerOnly]),
      eb.and([eb('cases.sharing_level', '=', 'owner_team'), eb.or([isOwner, inOwnerTeam])]),
      eb.and([eb('cases.sharing_level', '=', 'owner_agency'), inOwnerAgency]),
      eb.and([eb('cases.sharing_level', '=', 'shared'), eb.or([inOwnerAgency, sharedWithMe])]),
    ]);
  };
}
