/**
 * 0002: the rest of the domain model (docs/domain-model.md): persons, locations, case subjects, links and
 * locations, reports with versions, tasks with updates, markers, documents, named shares, access
 * requests and grants, sharing agreements, case types; plus the change log, push idempotency,
 * devices, sign-in attempts and the audit trail.
 */
import { sql, type Kysely } from 'kysely';

type Db = Kysely<unknown>;

/** Creates the tables. Types mean the same on SQLite and PostgreSQL (text ids and ISO times, 0/1 flags). */
export async function up(db: Db): Promise<void> {
  await alterDirectory(db);
  await createPeopleAndPlaces(db);
  await createCaseParts(db);
  await createContent(db);
  await createAccess(db);
  await createInfrastructure(db);
}

async function alterDirectory(db: Db): Promise<void> {
  await db.schema.alterTable('agencies').addColumn('sharing_restricted', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('agencies').addColumn('require_totp', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('cases').addColumn('hidden_from_search', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('cases').addColumn('created_by', 'text').execute();

  await db.schema.createTable('sharing_agreements')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('partner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addPrimaryKeyConstraint('sharing_agreements_pk', ['agency_id', 'partner_agency_id'])
    .execute();

  await db.schema.createTable('case_types')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('retention_years', 'integer', (c) => c.notNull().defaultTo(6))
    .execute();

  for (const kind of ['teams', 'users'] as const) {
    const table = `case_shared_${kind}`;
    const column = kind === 'teams' ? 'team_id' : 'user_id';
    await db.schema.createTable(table)
      .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull().references(`${kind}.id`))
      .addPrimaryKeyConstraint(`${table}_pk`, ['case_id', column])
      .execute();
    await db.schema.createIndex(`${table}_grantee_idx`).on(table).columns([column, 'case_id']).execute();
  }
}

async function createPeopleAndPlaces(db: Db): Promise<void> {
  await db.schema.createTable('persons')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('date_of_birth', 'text')
    .addColumn('estimated_birth_year', 'integer')
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('consent_status', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('merged_into_id', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('persons_name_key_idx').on('persons').column('name_key').execute();
  await db.schema.createIndex('persons_family_idx').on('persons').column('family_name').execute();

  await db.schema.createTable('person_aliases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('given_name', 'text', (c) => c.notNull())
    .addColumn('family_name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('person_aliases_person_idx').on('person_aliases').column('person_id').execute();
  await db.schema.createIndex('person_aliases_name_key_idx').on('person_aliases').column('name_key').execute();

  await db.schema.createTable('person_identifiers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id').onDelete('cascade'))
    .addColumn('scheme', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .execute();
  await db.schema.createIndex('person_identifiers_person_idx').on('person_identifiers').column('person_id').execute();

  await db.schema.createTable('locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('address_line', 'text', (c) => c.notNull())
    .addColumn('town', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('uprn', 'text')
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
}

async function createCaseParts(db: Db): Promise<void> {
  await db.schema.createTable('case_subjects')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_subjects_case_idx').on('case_subjects').column('case_id').execute();
  await db.schema.createIndex('case_subjects_person_idx').on('case_subjects').columns(['person_id', 'case_id']).execute();

  await db.schema.createTable('case_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('linked_case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_links_case_idx').on('case_links').column('case_id').execute();

  await db.schema.createTable('case_locations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('location_id', 'text', (c) => c.notNull().references('locations.id'))
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_locations_case_idx').on('case_locations').column('case_id').execute();
  await db.schema.createIndex('case_locations_location_idx').on('case_locations').column('location_id').execute();
}

async function createContent(db: Db): Promise<void> {
  await db.schema.createTable('reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('author_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('author_team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('sharing_level', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reports_case_idx').on('reports').column('case_id').execute();

  await db.schema.createTable('report_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_versions_unique', ['report_id', 'version'])
    .execute();

  await db.schema.createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('assignee_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('assignee_team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_case_idx').on('tasks').column('case_id').execute();
  await db.schema.createIndex('tasks_assignee_idx').on('tasks').columns(['assignee_agency_id', 'status']).execute();

  await db.schema.createTable('task_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('task_id', 'text', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('task_updates_task_idx').on('task_updates').column('task_id').execute();

  await db.schema.createTable('markers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('marker_type', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('review_date', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('markers_subject_idx').on('markers').columns(['subject_type', 'subject_id']).execute();

  await db.schema.createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id').onDelete('cascade'))
    .addColumn('report_id', 'text', (c) => c.references('reports.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_key', 'text', (c) => c.notNull().unique())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('owner_team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('uploaded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('sharing_level', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('documents_case_idx').on('documents').column('case_id').execute();

  for (const resource of ['report', 'document'] as const) {
    const table = `${resource}_shares`;
    await db.schema.createTable(table)
      .addColumn(`${resource}_id`, 'text', (c) => c.notNull().references(`${resource}s.id`).onDelete('cascade'))
      .addColumn('grantee_kind', 'text', (c) => c.notNull())
      .addColumn('grantee_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, [`${resource}_id`, 'grantee_kind', 'grantee_id'])
      .execute();
  }
}

async function createAccess(db: Db): Promise<void> {
  await db.schema.createTable('access_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('requester_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requester_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('grant_expires_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('access_requests_owner_idx').on('access_requests').columns(['owner_agency_id', 'status']).execute();

  await db.schema.createTable('access_grants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('access_requests.id'))
    .addColumn('resource_type', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('access_grants_user_idx').on('access_grants').columns(['user_id', 'resource_type', 'resource_id']).execute();
}

async function createInfrastructure(db: Db): Promise<void> {
  await db.schema.createTable('change_log')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('change_log_entity_idx').on('change_log').columns(['entity', 'entity_id']).execute();

  await db.schema.createTable('client_mutations')
    .addColumn('client_id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('last_mutation_id', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('devices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('devices_user_idx').on('devices').column('user_id').execute();

  await db.schema.createTable('login_attempts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('succeeded', 'integer', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_attempts_username_idx').on('login_attempts').columns(['username', 'at']).execute();

  await db.schema.createTable('audit_events')
    .addColumn('seq', 'bigint', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('agency_id', 'text')
    .addColumn('team_id', 'text')
    .addColumn('device_id', 'text')
    .addColumn('ip', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('entity_type', 'text')
    .addColumn('entity_id', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_user_idx').on('audit_events').columns(['user_id', 'at']).execute();
  await db.schema.createIndex('audit_events_entity_idx').on('audit_events').columns(['entity_type', 'entity_id']).execute();

  // The single row that serialises audit writers, so the hash chain has one order.
  await db.schema.createTable('audit_head')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
  await sql`insert into audit_head (id, seq, hash) values (1, 0, ${'0'.repeat(64)})`.execute(db);
}

/** Drops what 0002 created (the added columns stay; SQLite cannot drop them portably). */
export async function down(db: Db): Promise<void> {
  for (const table of [
    'audit_head', 'audit_events', 'login_attempts', 'devices', 'client_mutations', 'change_log',
    'access_grants', 'access_requests', 'document_shares', 'report_shares', 'documents', 'markers',
    'task_updates', 'tasks', 'report_versions', 'reports', 'case_locations', 'case_links', 'case_subjects',
    'locations', 'person_identifiers', 'person_aliases', 'persons', 'case_shared_users', 'case_shared_teams',
    'case_types', 'sharing_agreements',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
