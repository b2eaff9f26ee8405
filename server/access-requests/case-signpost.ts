/**
 * A case found by its exact reference, for asking its owner agency for access: visible (the caller
 * may open it), a signpost naming only its reference and owner agency, or nothing when there is no
 * such case or it is hidden from search (a hidden case is never confirmed to exist).
 */
import { sql } from 'kysely';
import type { CaseSignpost } from '../../domain/http/access-request-routes.ts';
import { readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';
import type { ServerContext } from '../context/server-context.ts';

/** The look-up; a role that does not read cases is told of no case. */
export async function signpostCase(ctx: ServerContext, user: PolicyUser, at: string, reference: string): Promise<CaseSignpost> {
  if (!readsCases(user)) {
    return null;
  }
  const row = await ctx.db.selectFrom('cases as r')
    .innerJoin('agencies', 'agencies.id', 'r.owner_agency_id')
    .select(['r.id', 'r.reference', 'r.hidden_from_search', 'agencies.id as agency_id', 'agencies.name as agency_name',
      sql<number>`case when ${caseVisibleSql(user, at, 'r')} then 1 else 0 end`.as('visible')])
    .where('r.reference', 'in', [...new Set([reference, reference.toUpperCase()])])
    .executeTakeFirst();
  if (!row) {
    return null;
  }
  if (Number(row.visible) === 1) {
    return { view: 'visible', id: row.id, reference: row.reference };
  }
  if (Number(row.hidden_from_search) !== 0) {
    return null;
  }
  return { view: 'signpost', id: row.id, reference: row.reference, ownerAgency: { id: row.agency_id, name: row.agency_name }, requestAccess: true };
}
