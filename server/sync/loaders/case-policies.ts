/** Loads the policy shapes of many cases at once (shares and the caller's grants), for the abilities sync records carry. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { PolicyCase } from '../../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../../domain/policy/policy-user.ts';
import { loadCaseShares, policyOf } from '../../cases/case-policy-loader.ts';

/** The policy shape of each existing case among `caseIds`, keyed by case id (the same loader the case services use). */
export async function loadCasePolicies(db: Kysely<ServerDatabase>, user: PolicyUser, caseIds: readonly string[]): Promise<Map<string, PolicyCase>> {
  const ids = [...new Set(caseIds)];
  if (ids.length === 0) {
    return new Map();
  }
  const rows = await db.selectFrom('cases').selectAll().where('id', 'in', ids).execute();
  const shares = await loadCaseShares(db, ids, user.id);
  return new Map(rows.map((r) => [r.id, policyOf(r, shares)]));
}

/** The named shares of many reports, as the report policy reads them. */
export async function loadReportShares(db: Kysely<ServerDatabase>, reportIds: readonly string[]): Promise<Map<string, { sharedAgencyIds: string[]; sharedTeamIds: string[]; sharedUserIds: string[] }>> {
  const out = new Map<string, { sharedAgencyIds: string[]; sharedTeamIds: string[]; sharedUserIds: string[] }>();
  for (const id of reportIds) {
    out.set(id, { sharedAgencyIds: [], sharedTeamIds: [], sharedUserIds: [] });
  }
  if (reportIds.length === 0) {
    return out;
  }
  const rows = await db.selectFrom('report_shares').select(['report_id', 'grantee_kind', 'grantee_id']).where('report_id', 'in', [...reportIds]).execute();
  for (const r of rows) {
    const shares = out.get(r.report_id);
    const list = r.grantee_kind === 'agency' ? shares?.sharedAgencyIds : r.grantee_kind === 'team' ? shares?.sharedTeamIds : shares?.sharedUserIds;
    list?.push(r.grantee_id);
  }
  return out;
}
