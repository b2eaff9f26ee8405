/** Words of the domain glossary (DESIGN.md §2), as string-literal unions so a typo does not compile. */
import { z } from 'zod';

export const ROLES = ['practitioner', 'team_manager', 'agency_admin', 'marac_coordinator', 'data_officer', 'system_admin'] as const;
/** A user's role: a set of duties, not blanket reading (DESIGN.md §3). */
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

export const AGENCY_KINDS = ['police', 'council', 'housing', 'fire', 'probation', 'health', 'charity'] as const;
/** The kind of organisation an agency is. */
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const AgencyKindSchema = z.enum(AGENCY_KINDS);

export const CASE_TYPES = [
  'asb',
  'vulnerable_persons_panel',
  'iom',
  'domestic_abuse_marac',
  'troubled_families',
  'prevent_channel',
  'modern_slavery',
  'hate_crime',
  'rough_sleeping',
  'licensing',
  'unauthorised_encampment',
  'staff_safety',
  'victim_services',
  'early_help',
  'safeguarding',
] as const;
/** The default configurable case types (DESIGN.md §2). */
export type CaseType = (typeof CASE_TYPES)[number];
export const CaseTypeSchema = z.enum(CASE_TYPES);

/** Labels shown to people for each case type. */
export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  asb: 'Anti-social behaviour',
  vulnerable_persons_panel: 'Vulnerable persons panel',
  iom: 'Integrated offender management',
  domestic_abuse_marac: 'Domestic abuse / MARAC',
  troubled_families: 'Troubled families',
  prevent_channel: 'Prevent / Channel',
  modern_slavery: 'Modern slavery',
  hate_crime: 'Hate crime',
  rough_sleeping: 'Rough sleeping / street drinking',
  licensing: 'Licensing',
  unauthorised_encampment: 'Unauthorised encampment',
  staff_safety: 'Staff safety / risk register',
  victim_services: 'Victim services',
  early_help: 'Early help',
  safeguarding: 'Safeguarding',
};

export const CASE_STATUSES = ['open', 'closed'] as const;
/** A case is open or closed (closed carries a closure reason). */
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CaseStatusSchema = z.enum(CASE_STATUSES);

export const RISK_LEVELS = ['low', 'medium', 'high', 'very_high'] as const;
/** A case's risk level. */
export type RiskLevel = (typeof RISK_LEVELS)[number];
export const RiskLevelSchema = z.enum(RISK_LEVELS);

export const SHARING_LEVELS = ['owner_only', 'owner_team', 'owner_agency', 'shared'] as const;
/** Who may see a case, report or document (DESIGN.md §3). */
export type SharingLevel = (typeof SHARING_LEVELS)[number];
export const SharingLevelSchema = z.enum(SHARING_LEVELS);
