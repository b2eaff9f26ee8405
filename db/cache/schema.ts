/** Kysely table types of the desktop's encrypted cache. */
import type { AuditOutboxDatabase } from './audit-outbox-schema.ts';
import type { BootstrapStagingDatabase } from './bootstrap-schema.ts';
import type { OutboxDatabase } from './outbox-schema.ts';
import type { OfflineMeetingDatabase } from './offline-meeting-schema.ts';
import type { PersonReviewDatabase } from './person-review-schema.ts';
import type { Generated } from 'kysely';
import type { CacheMirrorTables } from './mirror-tables.ts';

export interface CacheMetaTable {
  key: string;
  value: string;
}

export interface CacheAgencyTable {
  id: string;
  name: string;
  kind: string;
  code: string;
}

export interface CacheCaseTable {
  /** Stable integer key, the rowid of `case_fts` (since 0002). */
  rid: Generated<number>;
  id: string;
  reference: string;
  title: string;
  case_type: string;
  status: string;
  closure_reason: string | null;
  risk_level: string;
  review_date: string | null;
  owner_agency_id: string;
  owner_team_id: string | null;
  owner_user_id: string | null;
  sharing_level: string;
  /** JSON array of agency ids. */
  shared_agency_ids: string;
  created_at: string;
  updated_at: string;
  version: number;
  /** The caller's abilities as JSON, when the server sent them (since 0002). */
  abilities: string | null;
}

/** A case type the server sent (since 0009); its code is the id, `active` 0 once retired. */
export interface CacheCaseTypeTable {
  id: string;
  label: string;
  active: number;
}

/** A system setting the server sent (since 0009); `value` is JSON. */
export interface CacheSettingTable {
  id: string;
  value: string;
}

/** The whole cache database. */
export interface CacheDatabase extends CacheMirrorTables, OutboxDatabase, BootstrapStagingDatabase, AuditOutboxDatabase, PersonReviewDatabase,
  OfflineMeetingDatabase {
  meta: CacheMetaTable;
  agencies: CacheAgencyTable;
  cases: CacheCaseTable;
  case_types: CacheCaseTypeTable;
  settings: CacheSettingTable;
}
