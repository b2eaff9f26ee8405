/**
 * The case list's filtered page (docs/access.md, "The case list's audience rows"): with a filter
 * on the case itself, the per-case visibility filter on `cases` walks the `(updated_at, id)` index
 * once, where the audience walk would join `cases` row by row in every principal's arm.
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { CaseTable, ServerDatabase } from '../../db/server/schema.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { likePattern, type AudiencePageFilter } from '../access/case-audience.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';
import { pageShareColumns, type PageShareColumns } from './case-page-shares.ts';

/** True when the page filters on the case itself (status, type, risk, owner agency or text). */
export function filtersOnCase(f: AudiencePageFilter): boolean {
  return [f.status, f.caseType, f.riskLevel, f.ownerAgencyId, f.q].some((v) => v !== undefined);
}

/** Up to `limit` visible cases matching the filter, newest first, strictly after `f.after`, each with its named shares. */
export function filteredCasesPage(db: Kysely<ServerDatabase>, user: PolicyUser, at: string, f: AudiencePageFilter): Promise<Array<Selectable<CaseTable> & PageShareColumns>> {
  const { after } = f;
  return db.selectFrom('cases').selectAll('cases').select(pageShareColumns(user.id, 'cases.id'))
    .where(caseVisibleSql(user, at, 'cases'))
    .$if(f.status !== undefined, (qb) => qb.where('cases.status', '=', f.status as CaseTable['status']))
    .$if(f.caseType !== undefined, (qb) => qb.where('cases.case_type', '=', f.caseType!))
    .$if(f.riskLevel !== undefined, (qb) => qb.where('cases.risk_level', '=', f.riskLevel as CaseTable['risk_level']))
    .$if(f.ownerAgencyId !== undefined, (qb) => qb.where('cases.owner_agency_id', '=', f.ownerAgencyId!))
    .$if(f.q !== undefined, (qb) => qb.where(sql<boolean>`(lower(cases.reference) like ${likePattern(f.q!)} escape '\\'
      or lower(cases.title) like ${likePattern(f.q!)} escape '\\')`))
    // The `<=` alone is what lets the index seek to the cursor instead of walking down to it.
    .$if(after !== undefined, (qb) => qb.where('cases.updated_at', '<=', after!.updatedAt).where((eb) => eb.or([
      eb('cases.updated_at', '<', after!.updatedAt),
      eb.and([eb('cases.updated_at', '=', after!.updatedAt), eb('cases.id', '<', after!.id)]),
    ])))
    // Both keys descending, so the (updated_at, id) index is walked backwards with no sort step.
    .orderBy('cases.updated_at', 'desc').orderBy('cases.id', 'desc')
    .limit(f.limit)
    .execute();
}
