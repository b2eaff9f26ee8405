/** Turns a case row and its policy shape into the wire summary with the caller's abilities. */
import type { Selectable } from 'kysely';
import type { CaseTable } from '../../db/server/schema.ts';
import type { CaseSummary } from '../../domain/entities/case.ts';
import { caseAbilities } from '../../domain/policy/case-policy.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import type { LoadedCase } from './case-policy-loader.ts';

/**
 * The case as the caller receives it, built field by field (the type refuses any field outside
 * `CaseSummary`). Not parsed here: every route that returns it parses its whole response once
 * against the route's schema (server/http/register-route.ts), which is the wire contract.
 */
export function toCaseSummary(row: Selectable<CaseTable>, policy: LoadedCase['policy'], user: PolicyUser, at: string): CaseSummary {
  return {
    id: row.id,
    reference: row.reference,
    title: row.title,
    caseType: row.case_type,
    status: row.status,
    closureReason: row.closure_reason,
    riskLevel: row.risk_level,
    reviewDate: row.review_date,
    ownerAgencyId: row.owner_agency_id,
    ownerTeamId: row.owner_team_id,
    ownerUserId: row.owner_user_id,
    sharingLevel: row.sharing_level,
    sharedAgencyIds: [...policy.sharedAgencyIds],
    sharedTeamIds: [...policy.sharedTeamIds],
    sharedUserIds: [...policy.sharedUserIds],
    hiddenFromSearch: Number(row.hidden_from_search) === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
    abilities: caseAbilities(user, policy, at),
  };
}
