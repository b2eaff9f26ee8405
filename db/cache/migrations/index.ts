/** The static, ordered list of cache migrations (no folder scanning: it breaks inside asar). */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001_initial.ts';
import * as m0002 from './0002_mirror.ts';
import * as m0003 from './0003_outbox.ts';
import * as m0004 from './0004_bootstrap_staging.ts';
import * as m0005 from './0005_locations.ts';
import * as m0006 from './0006_audit_outbox.ts';
import * as m0007 from './0007_trigram_search.ts';
import * as m0008 from './0008_queue_sorts.ts';
import * as m0009 from './0009_case_types_and_settings.ts';
import * as m0010 from './0010_person_reviews.ts';
import * as m0011 from './0011_offline_meetings.ts';
import * as m0012 from './0012_queue_walk_index.ts';
import * as m0013 from './0013_short_gram_search.ts';

/** Every cache migration by name; names sort in the order they apply. */
export const cacheMigrations: Record<string, Migration> = {
  '0001_initial': m0001,
  '0002_mirror': m0002,
  '0003_outbox': m0003,
  '0004_bootstrap_staging': m0004,
  '0005_locations': m0005,
  '0006_audit_outbox': m0006,
  '0007_trigram_search': m0007,
  '0008_queue_sorts': m0008,
  '0009_case_types_and_settings': m0009,
  '0010_person_reviews': m0010,
  '0011_offline_meetings': m0011,
  '0012_queue_walk_index': m0012,
  '0013_short_gram_search': m0013,
};

/** A Kysely migration provider over the static list. */
export const cacheMigrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(cacheMigrations),
};
