/** Kysely table types of the cloud API's database (SQLite and PostgreSQL alike); columns holding domain words carry their unions. */
import type { Generated } from 'kysely';
import type { AccessRequestStatus, AccessResourceType } from '../../domain/entities/access-request.ts';
import type { DocumentSharingLevel } from '../../domain/entities/document.ts';
import type { NotificationKind } from '../../domain/entities/notification.ts';
import type { UserNotificationKind } from '../../domain/entities/user-notification.ts';
import type { ConsentStatus, Gender, IdentifierScheme } from '../../domain/entities/person.ts';
import type { DashBand } from '../../domain/marac/dash-scoring.ts';
import type { SarConsultationStatus, SarExemption, SarRedactionKind, SarRequesterRelation, SarStatus } from '../../domain/entities/sar.ts';
import type {
  AgencyKind, CaseStatus, MarkerSubjectType, MarkerType, ReportKind, ReportSharingLevel, RiskLevel, Role, SharingLevel, SubjectRole, TaskStatus,
} from '../../domain/vocabulary.ts';

/** Booleans are stored as 0/1 integers on both dialects, so one set of queries serves both. */
export type Flag = 0 | 1;

export interface AgencyTable {
  id: string;
  name: string;
  kind: AgencyKind;
  code: string;
  created_at: string;
  seq: number;
  /** 1: may share only with agencies listed in `sharing_agreements`; 0: with every partner. */
  sharing_restricted: Generated<Flag>;
  require_totp: Generated<Flag>;
}

export interface TeamTable {
  id: string;
  agency_id: string;
  name: string;
}

export interface UserTable {
  id: string;
  agency_id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  disabled: Flag;
  created_at: string;
  totp_secret: string | null;
  totp_enabled: Generated<Flag>;
  /** The last TOTP time step accepted; a code is good only for a later step (no replay). */
  totp_last_step: number | null;
  /** Access tokens issued before this time (ISO) are refused (since 0008). */
  sessions_valid_after: string | null;
  /** SHA-256 hex of the token that may replace a pending password set-up of TOTP (since 0010). */
  totp_setup_hash: string | null;
  /** The user must choose a new password before signing in (since 0019). */
  must_change_password: Generated<Flag>;
}

export interface UserTeamTable {
  user_id: string;
  team_id: string;
}

export interface CaseTable {
  id: string;
  reference: string;
  title: string;
  case_type: string;
  status: CaseStatus;
  closure_reason: string | null;
  risk_level: RiskLevel;
  review_date: string | null;
  owner_agency_id: string;
  owner_team_id: string | null;
  owner_user_id: string | null;
  sharing_level: SharingLevel;
  created_at: string;
  updated_at: string;
  version: number;
  seq: number;
  hidden_from_search: Generated<Flag>;
  created_by: string | null;
  /** When the case was last closed (ISO); null while open (since 0023; backfilled from `updated_at`). */
  closed_at: Generated<string | null>;
}

export interface CaseSharedAgencyTable {
  case_id: string;
  agency_id: string;
}

export interface RefreshTokenTable {
  id: string;
  family_id: string;
  user_id: string;
  token_hash: string;
  device_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
  revoked_at: string | null;
}

/** The single-row counter that hands out change-log positions; its row lock orders writers. */
export interface ChangeSeqTable {
  id: number;
  seq: Generated<number>;
  /** Changes up to here were logged without `prior`: a pull from a cursor below it must bootstrap again. */
  prior_floor: Generated<number>;
}

export interface CaseSharedTeamTable {
  case_id: string;
  team_id: string;
}

export interface CaseSharedUserTable {
  case_id: string;
  user_id: string;
}

/** One principal a case's sharing admits (docs/access.md, "The case list's audience rows"). */
export interface CaseAudienceTable {
  principal: string;
  case_id: string;
  updated_at: string;
}

export interface SharingAgreementTable {
  agency_id: string;
  partner_agency_id: string;
}

export interface CaseTypeTable {
  code: string;
  label: string;
  active: Flag;
  retention_years: number;
}

/** A setting a system admin changes (migration 0024); `value` is JSON, parsed by the setting's schema in domain/. */
export interface SystemSettingTable {
  key: string;
  value: string;
  version: number;
  set_by: string | null;
  set_at: string;
}

export interface PersonTable {
  id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  estimated_birth_year: number | null;
  gender: Gender;
  owner_agency_id: string;
  consent_status: ConsentStatus;
  /** Phonetic key of the name, for duplicate detection. */
  name_key: string;
  merged_into_id: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface PersonAliasTable {
  id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  name_key: string;
}

/** Restricted identifiers (police nominal id, NHS number …): visible to the recording agency only. */
export interface PersonIdentifierTable {
  id: string;
  person_id: string;
  scheme: IdentifierScheme;
  value: string;
  agency_id: string;
}

export interface LocationTable {
  id: string;
  address_line: string;
  town: string;
  postcode: string;
  uprn: string | null;
  latitude: number | null;
  longitude: number | null;
  owner_agency_id: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface CaseSubjectTable {
  id: string;
  case_id: string;
  person_id: string;
  role: SubjectRole;
  created_at: string;
  /** 1 when the link was made by a user who saw the person only as a stub or profile: it reveals the minimal profile only. */
  profile_only: Generated<number>;
}

export interface CaseLinkTable {
  id: string;
  case_id: string;
  linked_case_id: string;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface CaseLocationTable {
  id: string;
  case_id: string;
  location_id: string;
  description: string;
  created_at: string;
}

export interface ReportTable {
  id: string;
  case_id: string;
  kind: ReportKind;
  title: string;
  body: string;
  author_user_id: string;
  author_agency_id: string;
  author_team_id: string | null;
  /** `case` follows the case; any other level restricts the report further. */
  sharing_level: ReportSharingLevel;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface ReportVersionTable {
  id: string;
  report_id: string;
  version: number;
  title: string;
  body: string;
  edited_by: string;
  edited_at: string;
}

/** Named grantees of a `shared` report or document: an agency, a team or a user. */
export interface ResourceShareColumns {
  grantee_kind: string;
  grantee_id: string;
}
export interface ReportShareTable extends ResourceShareColumns {
  report_id: string;
}
export interface DocumentShareTable extends ResourceShareColumns {
  document_id: string;
}

export interface TaskTable {
  id: string;
  case_id: string;
  title: string;
  description: string;
  assignee_agency_id: string;
  assignee_team_id: string | null;
  assignee_user_id: string | null;
  due_date: string | null;
  status: TaskStatus;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface TaskUpdateTable {
  id: string;
  task_id: string;
  author_user_id: string;
  body: string;
  created_at: string;
}

export interface MarkerTable {
  id: string;
  subject_type: MarkerSubjectType;
  subject_id: string;
  marker_type: MarkerType;
  description: string;
  owner_agency_id: string;
  created_by: string;
  review_date: string;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface DocumentTable {
  id: string;
  case_id: string;
  report_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  owner_agency_id: string;
  owner_team_id: string | null;
  uploaded_by: string;
  sharing_level: DocumentSharingLevel;
  created_at: string;
}

export interface AccessRequestTable {
  id: string;
  resource_type: AccessResourceType;
  resource_id: string;
  owner_agency_id: string;
  requester_user_id: string;
  requester_agency_id: string;
  reason: string;
  status: AccessRequestStatus;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  grant_expires_at: string | null;
  created_at: string;
  version: number;
}

export interface AccessGrantTable {
  id: string;
  request_id: string;
  resource_type: AccessResourceType;
  resource_id: string;
  user_id: string;
  expires_at: string;
  revoked_at: string | null;
  /** When the sweep wrote this grant's expiry to the change log. */
  expiry_recorded_at: string | null;
}

/** One committed change, in global sequence order (docs/sync.md). */
export interface ChangeLogTable {
  seq: number;
  entity: string;
  entity_id: string;
  /** `upsert`, `delete`, or `access` (who may see it changed). */
  op: string;
  case_id: string | null;
  at: string;
  /** For `access` and `delete`: JSON of who could see the affected records just before (`PriorSnapshot`). */
  prior: string | null;
}

export interface ClientMutationTable {
  client_id: string;
  user_id: string;
  last_mutation_id: number;
  updated_at: string;
}

export interface DeviceTable {
  id: string;
  user_id: string;
  name: string;
  registered_at: string;
  last_seen_at: string | null;
  revoked_at: string | null;
  /** When the device last pulled (GET /sync/pull); bounds how old its reported offline reads may be. */
  last_pulled_at: string | null;
}

export interface LoginAttemptTable {
  id: string;
  username: string;
  user_id: string | null;
  succeeded: Flag;
  ip: string;
  at: string;
}

/** Append-only, hash-chained audit trail (docs/audit.md). */
export interface AuditEventTable {
  seq: number;
  id: string;
  at: string;
  user_id: string | null;
  agency_id: string | null;
  team_id: string | null;
  device_id: string | null;
  ip: string | null;
  action: string;
  category: string;
  entity_type: string | null;
  entity_id: string | null;
  outcome: string;
  justification: string | null;
  /** JSON: search terms, field changes (old → new), export details; never erased content. */
  details: string;
  prev_hash: string;
  hash: string;
}

/** One row per audit event and agency in whose trail it appears (migration 0014; docs/audit.md). */
export interface AuditEventScopeTable {
  /** The actor's agency or an agency owning the record the event touched. */
  agency_id: string;
  seq: number;
  case_id: string | null;
  person_id: string | null;
}

/** The single row serialising audit writers. */
export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
  /** The Merkle tree's frontier over events 1..seq, hex subtree roots largest first (migration 0015). */
  tree_frontier: string;
}

/** The last case-reference number handed out per agency and year. */
export interface CaseReferenceCounterTable {
  agency_id: string;
  year: number;
  last_number: number;
}

/** The answer given to a rejected or conflicting pushed mutation, replayed verbatim. */
export interface ClientMutationOutcomeTable {
  client_id: string;
  mutation_id: number;
  /** JSON of the PushResult. */
  result: string;
  at: string;
}

/** A read a desktop reported from its offline copy, by the id it chose (migration 0009); its event is in `audit_events`. */
export interface ClientAuditEventTable {
  user_id: string;
  client_event_id: string;
  device_id: string;
  received_at: string;
}

/** An audit export job (migrations 0017, 0018; `pdf` since 0025); the file and manifest live under the data dir. */
export interface AuditExportTable {
  id: string;
  user_id: string;
  agency_id: string;
  format: 'csv' | 'xlsx' | 'pdf';
  /** The export's filters as JSON. */
  filters: string;
  reason: string;
  status: 'running' | 'complete' | 'failed' | 'cancelled' | 'removed';
  rows_written: Generated<number>;
  rows_total: Generated<number>;
  /** The newest audit seq the export may hold. */
  through_seq: number;
  byte_length: number | null;
  sha256: string | null;
  created_at: string;
  finished_at: string | null;
  /** When the job's node last showed it was working on it (null before the first sign). */
  heartbeat_at: Generated<string | null>;
}

/** The whole server database. */
/** A notice to an agency (ids and agency names only, never personal data). */
export interface NotificationTable {
  id: string;
  agency_id: string;
  kind: NotificationKind;
  person_id: string;
  case_id: string;
  from_agency_id: string;
  created_at: string;
}

/** A notification to users (0020): a kind, subject ids and an audience shaped like a task's assignee. */
export interface UserNotificationTable {
  id: string;
  kind: UserNotificationKind;
  agency_id: string;
  team_id: string | null;
  user_id: string | null;
  case_id: string | null;
  task_id: string | null;
  marker_id: string | null;
  access_request_id: string | null;
  dedupe_key: string | null;
  created_at: string;
}

/** That a user has read a notification, and when. */
export interface UserNotificationReadTable {
  notification_id: string;
  user_id: string;
  read_at: string;
}

/** A MARAC area: its coordinating agency and escalation rule (N incidents in M months). */
export interface MaracAreaTable {
  id: string;
  name: string;
  coordinator_agency_id: string;
  escalation_incidents: Generated<number>;
  escalation_months: Generated<number>;
  created_at: string;
}

/** A DASH risk assessment of a person; `answers` is JSON, read against `version`. */
export interface DashAssessmentTable {
  id: string;
  person_id: string;
  version: string;
  answers: string;
  score: number;
  scored_band: DashBand;
  band: DashBand;
  judgement_band: DashBand | null;
  judgement_reasons: string | null;
  assessed_by: string;
  agency_id: string;
  assessed_at: string;
}

/** A MARAC referral; `criteria` and `details` are JSON (the form's fields other than persons). */
export interface MaracReferralTable {
  id: string;
  case_id: string;
  marac_area_id: string;
  dash_assessment_id: string;
  victim_person_id: string;
  referring_agency_id: string;
  referred_by: string;
  referred_on: string;
  score: number;
  band: DashBand;
  criteria: string;
  repeat: Flag;
  repeat_of_referral_id: string | null;
  details: string;
  created_at: string;
}

/** A perpetrator named on a referral: with the victim, the pair the repeat flag looks at. */
export interface MaracReferralPerpetratorTable {
  referral_id: string;
  person_id: string;
  relationship_to_victim: string;
  address: string | null;
}

/** A MARAC meeting of an area; `meeting_date` is a calendar date. */
export interface MaracMeetingTable {
  id: string;
  marac_area_id: string;
  meeting_date: string;
  chair: string;
  coordinator_user_id: string;
  created_at: string;
  updated_at: string;
}

/** A case on a meeting's agenda, resting on one of its referrals; minutes are kept per item. */
export interface MaracAgendaItemTable {
  id: string;
  meeting_id: string;
  case_id: string;
  referral_id: string;
  position: number;
  emergency: Generated<Flag>;
  carried_forward: Generated<Flag>;
  minutes: string | null;
  minutes_by: string | null;
  minutes_at: string | null;
  created_at: string;
}

/** A user attending a meeting for their agency, with their confidentiality acknowledgement. */
export interface MaracAttendeeTable {
  id: string;
  meeting_id: string;
  user_id: string;
  agency_id: string;
  acknowledged_at: string | null;
  created_at: string;
}

/** One item of an agency's research on an agenda case: a fact or an opinion, never both. */
export interface MaracResearchTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string;
  case_id: string;
  agency_id: string;
  team_id: string | null;
  author_user_id: string;
  nature: 'fact' | 'opinion';
  restricted: Generated<Flag>;
  body: string;
  created_at: string;
}

/** A task recorded as an action of a meeting's agenda item. */
export interface MaracActionTable {
  task_id: string;
  meeting_id: string;
  agenda_item_id: string;
}

/** A subject access request, logged by a data officer of the agency that received it (since 0022). */
export interface SarRequestTable {
  id: string;
  agency_id: string;
  person_id: string;
  reference: string;
  received_on: string;
  due_on: string;
  extension_months: number | null;
  extended_due_on: string | null;
  extension_reason: string | null;
  requester_name: string;
  requester_relation: SarRequesterRelation;
  requester_contact: string;
  status: SarStatus;
  created_by: string;
  created_at: string;
  closed_at: string | null;
  version: number;
}

/** One owner agency's answer to a request; `released_part` is the redacted part's JSON, kept once released (since 0022). */
export interface SarConsultationTable {
  id: string;
  sar_id: string;
  owner_agency_id: string;
  status: SarConsultationStatus;
  exemption: SarExemption | null;
  exemption_reason: string | null;
  released_part: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
}

/** One recorded redaction in a part: a third party's name (redacted or disclosed), a record left out, or a passage (since 0022). */
export interface SarRedactionTable {
  id: string;
  sar_id: string;
  part_agency_id: string;
  kind: SarRedactionKind;
  third_party_person_id: string | null;
  record_type: string | null;
  record_id: string | null;
  /** Hex SHA-256 of a redacted passage: the passage itself is not copied here. */
  text_sha256: string | null;
  redacted: Flag;
  reason: string | null;
  occurrences: number;
  decided_by: string;
  decided_at: string;
}

/** The old → new values of an audited update, kept apart from the hashed event so erasure can remove them (0023). */
export interface AuditEventValueTable {
  seq: number;
  entity_type: string | null;
  entity_id: string | null;
  /** Hex of 32 random bytes; the event's `details.changes` commit to SHA-256 of it and each field's values. */
  salt: string;
  /** JSON `{ field: [old, new] }` as the caller recorded it (`{}` for an event that recorded none). */
  changes: string;
  /** A search's `details.terms` as JSON (migration 0026); the event's `details.terms` commits to them. */
  terms: string | null;
  /** The justification as written (migration 0026); the event's `justification` column commits to it. */
  justification: string | null;
}

/** How long a case type is kept: review N years after closure (0023; docs/audit.md). */
export interface RetentionRuleTable {
  case_type: string;
  review_after_years: number;
  version: Generated<number>;
  set_by: string | null;
  set_at: string;
}

/** A legal hold on a case: while unreleased, the case cannot be erased. */
export interface LegalHoldTable {
  id: string;
  case_id: string;
  reason: string;
  placed_by: string;
  placed_at: string;
  released_by: string | null;
  released_at: string | null;
}

/** A data officer's retention review decision on a closed case. */
export interface RetentionReviewTable {
  id: string;
  case_id: string;
  decision: 'keep' | 'erase';
  /** A calendar date (YYYY-MM-DD) for `keep`; null for `erase`. */
  keep_until: string | null;
  reason: string;
  decided_by: string;
  decided_at: string;
}

/** What is left of an erased record: metadata only, never its content. */
export interface ErasureTombstoneTable {
  id: string;
  entity_type: 'case';
  entity_id: string;
  owner_agency_id: string;
  case_type: string;
  /** The rule applied, e.g. `asb: review 6 years after closure (rule version 2)`. */
  rule: string;
  closed_at: string | null;
  erased_by: string;
  erased_at: string;
  /** JSON: how many records of each kind went with it. */
  erased_counts: string;
}

export interface ServerDatabase {
  agencies: AgencyTable;
  teams: TeamTable;
  users: UserTable;
  user_teams: UserTeamTable;
  cases: CaseTable;
  case_shared_agencies: CaseSharedAgencyTable;
  refresh_tokens: RefreshTokenTable;
  change_seq: ChangeSeqTable;
  case_shared_teams: CaseSharedTeamTable;
  case_shared_users: CaseSharedUserTable;
  case_audience: CaseAudienceTable;
  sharing_agreements: SharingAgreementTable;
  case_types: CaseTypeTable;
  system_settings: SystemSettingTable;
  persons: PersonTable;
  person_aliases: PersonAliasTable;
  person_identifiers: PersonIdentifierTable;
  locations: LocationTable;
  case_subjects: CaseSubjectTable;
  case_links: CaseLinkTable;
  case_locations: CaseLocationTable;
  reports: ReportTable;
  report_versions: ReportVersionTable;
  report_shares: ReportShareTable;
  document_shares: DocumentShareTable;
  tasks: TaskTable;
  task_updates: TaskUpdateTable;
  markers: MarkerTable;
  documents: DocumentTable;
  access_requests: AccessRequestTable;
  access_grants: AccessGrantTable;
  change_log: ChangeLogTable;
  client_mutations: ClientMutationTable;
  devices: DeviceTable;
  login_attempts: LoginAttemptTable;
  audit_events: AuditEventTable;
  audit_head: AuditHeadTable;
  audit_event_scopes: AuditEventScopeTable;
  case_reference_counters: CaseReferenceCounterTable;
  client_mutation_outcomes: ClientMutationOutcomeTable;
  client_audit_events: ClientAuditEventTable;
  audit_exports: AuditExportTable;
  notifications: NotificationTable;
  user_notifications: UserNotificationTable;
  user_notification_reads: UserNotificationReadTable;
  marac_areas: MaracAreaTable;
  dash_assessments: DashAssessmentTable;
  marac_referrals: MaracReferralTable;
  marac_referral_perpetrators: MaracReferralPerpetratorTable;
  marac_meetings: MaracMeetingTable;
  marac_agenda_items: MaracAgendaItemTable;
  marac_attendees: MaracAttendeeTable;
  marac_research: MaracResearchTable;
  marac_actions: MaracActionTable;
  sar_requests: SarRequestTable;
  sar_consultations: SarConsultationTable;
  sar_redactions: SarRedactionTable;
  retention_rules: RetentionRuleTable;
  legal_holds: LegalHoldTable;
  retention_reviews: RetentionReviewTable;
  erasure_tombstones: ErasureTombstoneTable;
  audit_event_values: AuditEventValueTable;
}
