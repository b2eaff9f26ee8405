/** Words of the domain glossary (docs/domain-model.md), as string-literal unions so a typo does not compile. */
import { z } from 'zod';

export const ROLES = ['practitioner', 'team_manager', 'agency_admin', 'marac_coordinator', 'data_officer', 'system_admin'] as const;
/** A user's role: a set of duties, not blanket reading (docs/access.md). */
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
/**
 * The case types a new installation starts with (docs/domain-model.md). Case types are data: the
 * server's `case_types` table is the list, which a system admin extends, renames and retires, and
 * desktops read from their offline copy. These defaults seed it and the demo data; nothing else may
 * treat them as the whole list.
 */
export type DefaultCaseType = (typeof CASE_TYPES)[number];
/** A case type's code: lower-case letters, digits and underscores, as the `case_types` table keys it. */
export const CaseTypeSchema = z.string().regex(/^[a-z][a-z0-9_]{1,47}$/, 'a case type code is 2 to 48 lower-case letters, digits or underscores');
/** A case type's code (one of the `case_types` rows). */
export type CaseType = z.infer<typeof CaseTypeSchema>;

/** The default case types' labels (seed data only; shown labels come from the `case_types` table). */
export const CASE_TYPE_LABELS: Record<DefaultCaseType, string> = {
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
/** Who may see a case, report or document (docs/access.md). */
export type SharingLevel = (typeof SHARING_LEVELS)[number];
export const SharingLevelSchema = z.enum(SHARING_LEVELS);

export const SUBJECT_ROLES = ['victim', 'perpetrator', 'suspect', 'witness', 'subject', 'child', 'family_member', 'associate'] as const;
/** The role a person plays in a case (CaseSubject). */
export type SubjectRole = (typeof SUBJECT_ROLES)[number];
export const SubjectRoleSchema = z.enum(SUBJECT_ROLES);

export const REPORT_KINDS = ['assessment', 'contact', 'research', 'update', 'plan'] as const;
/** The kind of agency-authored content a report is. */
export type ReportKind = (typeof REPORT_KINDS)[number];
export const ReportKindSchema = z.enum(REPORT_KINDS);

export const REPORT_SHARING_LEVELS = ['case', ...SHARING_LEVELS] as const;
/** A report's sharing: `case` follows the case; any other level restricts it further. */
export type ReportSharingLevel = (typeof REPORT_SHARING_LEVELS)[number];
export const ReportSharingLevelSchema = z.enum(REPORT_SHARING_LEVELS);

export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
/** A task's status; `overdue` is derived, never stored. */
export type TaskStatus = (typeof TASK_STATUSES)[number];
export const TaskStatusSchema = z.enum(TASK_STATUSES);

export const MARKER_TYPES = ['staff_safety', 'violence', 'weapons', 'vulnerability', 'drugs', 'mental_health', 'other'] as const;
/** The kind of warning a marker carries. */
export type MarkerType = (typeof MARKER_TYPES)[number];
export const MarkerTypeSchema = z.enum(MARKER_TYPES);

export const MARKER_SUBJECT_TYPES = ['case', 'person', 'location'] as const;
/** What a marker is placed on. */
export type MarkerSubjectType = (typeof MARKER_SUBJECT_TYPES)[number];
export const MarkerSubjectTypeSchema = z.enum(MARKER_SUBJECT_TYPES);

export const GENDERS = ['female', 'male', 'non_binary', 'other', 'unknown'] as const;
/** A person's gender as recorded. */
export type Gender = (typeof GENDERS)[number];
export const GenderSchema = z.enum(GENDERS);

/** Yes, no or not known: the diversity questions a victim may decline. */
export const YesNoUnknownSchema = z.enum(['yes', 'no', 'not_known']);

export const SAR_CONSULTATION_STATUSES = ['pending', 'released', 'withheld'] as const;
/** Where an owner agency's answer stands. */
export type SarConsultationStatus = (typeof SAR_CONSULTATION_STATUSES)[number];
