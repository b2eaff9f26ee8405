/**
 * 0014: `audit_event_scopes`, the index behind the audit screen (docs/audit.md). One row per event and
 * agency in whose trail it appears: the actor's agency, and each agency owning the record it touched
 * (so an owner sees partners' reads of its cases). Each row carries the event's case and person, so
 * "this agency's events on this case, newest first" is one index range. The hashed `audit_events`
 * columns are untouched. Existing events are backfilled where their record still resolves.
 */
import { sql, type Kysely } from 'kysely';

/** Creates the table and its indexes, and backfills it from `audit_events`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('audit_event_scopes')
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('person_id', 'text')
    .addPrimaryKeyConstraint('audit_event_scopes_pk', ['agency_id', 'seq'])
    .execute();
  await db.schema.createIndex('audit_event_scopes_case_idx').on('audit_event_scopes').columns(['agency_id', 'case_id', 'seq']).execute();
  await db.schema.createIndex('audit_event_scopes_person_idx').on('audit_event_scopes').columns(['agency_id', 'person_id', 'seq']).execute();
  // The team manager's scope and the user filter walk one user's events newest first.
  await db.schema.createIndex('audit_events_user_seq_idx').on('audit_events').columns(['user_id', 'seq']).execute();

  // The case and person of each event, as far as its record still exists; then one row per distinct agency.
  await sql`
    insert into audit_event_scopes (agency_id, seq, case_id, person_id)
    with resolved as (
      select e.seq, e.agency_id,
        case e.entity_type
          when 'case' then e.entity_id
          when 'report' then (select r.case_id from reports r where r.id = e.entity_id)
          when 'document' then (select d.case_id from documents d where d.id = e.entity_id)
          when 'task' then (select t.case_id from tasks t where t.id = e.entity_id)
          when 'case_subject' then (select s.case_id from case_subjects s where s.id = e.entity_id)
          when 'case_link' then (select l.case_id from case_links l where l.id = e.entity_id)
          when 'case_location' then (select cl.case_id from case_locations cl where cl.id = e.entity_id)
          when 'marker' then (select m.subject_id from markers m where m.id = e.entity_id and m.subject_type = 'case')
          else null end as case_id,
        case e.entity_type
          when 'person' then e.entity_id
          when 'case_subject' then (select s.person_id from case_subjects s where s.id = e.entity_id)
          when 'marker' then (select m.subject_id from markers m where m.id = e.entity_id and m.subject_type = 'person')
          else null end as person_id
      from audit_events e
    )
    select r.agency_id, r.seq, r.case_id, r.person_id from resolved r where r.agency_id is not null
    union
    select c.owner_agency_id, r.seq, r.case_id, r.person_id from resolved r join cases c on c.id = r.case_id
    union
    select p.owner_agency_id, r.seq, r.case_id, r.person_id from resolved r join persons p on p.id = r.person_id
  `.execute(db);
}

/** Drops the table and the index it added to `audit_events`. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('audit_events_user_seq_idx').execute();
  await db.schema.dropTable('audit_event_scopes').execute();
}
