/** The static, ordered list of server migrations (no folder scanning: it breaks inside asar). */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_domain_model.ts';
import * as m0003 from './0003_audit_append_only.ts';
import * as m0004 from './0004_case_types_and_list_indexes.ts';
import * as m0005 from './0005_grant_expiry_sweep.ts';
import * as m0006 from './0006_push_outcomes.ts';
import * as m0007 from './0007_totp_last_step.ts';
import * as m0008 from './0008_sessions_valid_after.ts';
import * as m0009 from './0009_client_audit_events.ts';
import * as m0010 from './0010_device_pull_times.ts';
import * as m0011 from './0011_person_attach.ts';
import * as m0012 from './0012_totp_setup_token.ts';
import * as m0013 from './0013_change_prior_audience.ts';
import * as m0014 from './0014_audit_event_scopes.ts';
import * as m0015 from './0015_audit_merkle_log.ts';
import * as m0016 from './0016_marac_referrals.ts';
import * as m0017 from './0017_audit_exports.ts';
import * as m0018 from './0018_audit_export_heartbeat.ts';
import * as m0019 from './0019_must_change_password.ts';
import * as m0020 from './0020_user_notifications.ts';
import * as m0021 from './0021_marac_meetings.ts';
import * as m0022 from './0022_subject_access_requests.ts';
import * as m0023 from './0023_retention.ts';
import * as m0024 from './0024_case_types_as_data.ts';
import * as m0025 from './0025_audit_export_pdf.ts';
import * as m0026 from './0026_audit_kept_terms.ts';
import * as m0027 from './0027_case_audience.ts';
import * as m0028 from './0028_audit_search_indexes.ts';
import * as m0029 from './0029_case_audience_grants.ts';
import * as m0030 from './0030_audit_scope_partial_indexes.ts';

/** Every server migration by name; names sort in the order they apply. */
export const serverMigrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_domain_model': m0002,
  '0003_audit_append_only': m0003,
  '0004_case_types_and_list_indexes': m0004,
  '0005_grant_expiry_sweep': m0005,
  '0006_push_outcomes': m0006,
  '0007_totp_last_step': m0007,
  '0008_sessions_valid_after': m0008,
  '0009_client_audit_events': m0009,
  '0010_device_pull_times': m0010,
  '0011_person_attach': m0011,
  '0012_totp_setup_token': m0012,
  '0013_change_prior_audience': m0013,
  '0014_audit_event_scopes': m0014,
  '0015_audit_merkle_log': m0015,
  '0016_marac_referrals': m0016,
  '0017_audit_exports': m0017,
  '0018_audit_export_heartbeat': m0018,
  '0019_must_change_password': m0019,
  '0020_user_notifications': m0020,
  '0021_marac_meetings': m0021,
  '0022_subject_access_requests': m0022,
  '0023_retention': m0023,
  '0024_case_types_as_data': m0024,
  '0025_audit_export_pdf': m0025,
  '0026_audit_kept_terms': m0026,
  '0027_case_audience': m0027,
  '0028_audit_search_indexes': m0028,
  '0029_case_audience_grants': m0029,
  '0030_audit_scope_partial_indexes': m0030,
};

/** A Kysely migration provider over the static list. */
export const serverMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(serverMigrations),
};
