/** Kysely types of the cache's mirror tables (migrations 0002 and 0005): what the sync pull sends, one table per entity. */
import type { Generated } from 'kysely';

/**
 * `rid` columns are stable integer keys (INTEGER PRIMARY KEY) that the FTS5 tables use as their
 * rowid; `id` is the server's id. `abilities` is the caller's abilities as JSON when the server sent them.
 */
export interface CachePersonTable {
  rid: Generated<number>;
  id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  estimated_birth_year: number | null;
  gender: string;
  /** JSON array of `{ givenName, familyName }`. */
  aliases: string;
  abilities: string | null;
}

export interface CacheCaseSubjectTable {
  id: string;
  case_id: string;
  person_id: string;
  role: string;
  created_at: string;
}

/** A location the user may see (since 0005). */
export interface CacheLocationTable {
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
  abilities: string | null;
}

/** A location's link to a case (since 0005). */
export interface CacheCaseLocationTable {
  id: string;
  case_id: string;
  location_id: string;
  description: string;
  created_at: string;
}

export interface CacheReportTable {
  rid: Generated<number>;
  id: string;
  case_id: string;
  kind: string;
  title: string;
  body: string;
  author_user_id: string;
  author_agency_id: string;
  author_team_id: string | null;
  sharing_level: string;
  created_at: string;
  updated_at: string;
  version: number;
  abilities: string | null;
}

export interface CacheTaskTable {
  id: string;
  case_id: string;
  title: string;
  description: string;
  assignee_agency_id: string;
  assignee_team_id: string | null;
  assignee_user_id: string | null;
  due_date: string | null;
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** JSON array of the whole updates thread, oldest first (it always arrives whole). */
  updates: string;
  abilities: string | null;
}

export interface CacheMarkerTable {
  id: string;
  subject_type: string;
  subject_id: string;
  marker_type: string;
  description: string;
  owner_agency_id: string;
  review_date: string;
  expires_at: string | null;
  created_at: string;
  updated_at: string;
  version: number;
  abilities: string | null;
}

export interface CacheAccessRequestTable {
  id: string;
  resource_type: string;
  resource_id: string;
  owner_agency_id: string;
  requester_user_id: string;
  requester_agency_id: string;
  reason: string;
  status: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  grant_expires_at: string | null;
  created_at: string;
  version: number;
  abilities: string | null;
}

export interface CacheDocumentTable {
  id: string;
  case_id: string;
  report_id: string | null;
  file_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  owner_agency_id: string;
  owner_team_id: string | null;
  uploaded_by: string;
  sharing_level: string;
  created_at: string;
  abilities: string | null;
}

/** The mirror tables, merged into `CacheDatabase`. */
export interface CacheMirrorTables {
  persons: CachePersonTable;
  case_subjects: CacheCaseSubjectTable;
  locations: CacheLocationTable;
  case_locations: CacheCaseLocationTable;
  reports: CacheReportTable;
  tasks: CacheTaskTable;
  markers: CacheMarkerTable;
  access_requests: CacheAccessRequestTable;
  documents: CacheDocumentTable;
}
