/**
 * 0022: subject access requests (docs/audit.md, "Subject access requests"). A request is logged by a
 * data officer of the agency that received it, against a person; each other agency owning records
 * about the person in what the receiving agency holds gets one consultation, which its data officer
 * answers by releasing its part (a redacted snapshot, kept here) or withholding it with an exemption.
 * Every redaction — a third party's name, a record left out, a passage — is a row of its own.
 */
import type { Kysely } from 'kysely';

/** Adds `sar_requests`, `sar_consultations` and `sar_redactions`. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createTable('sar_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('persons.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('extension_months', 'integer')
    .addColumn('extended_due_on', 'text')
    .addColumn('extension_reason', 'text')
    .addColumn('requester_name', 'text', (c) => c.notNull())
    .addColumn('requester_relation', 'text', (c) => c.notNull())
    .addColumn('requester_contact', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('sar_requests_agency_reference', ['agency_id', 'reference'])
    .execute();
  await db.schema.createIndex('sar_requests_agency_status').on('sar_requests').columns(['agency_id', 'status', 'due_on']).execute();
  await db.schema.createTable('sar_consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sar_id', 'text', (c) => c.notNull().references('sar_requests.id'))
    .addColumn('owner_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('exemption', 'text')
    .addColumn('exemption_reason', 'text')
    .addColumn('released_part', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('sar_consultations_sar_owner', ['sar_id', 'owner_agency_id'])
    .execute();
  await db.schema.createIndex('sar_consultations_owner_status').on('sar_consultations').columns(['owner_agency_id', 'status']).execute();
  await db.schema.createTable('sar_redactions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('sar_id', 'text', (c) => c.notNull().references('sar_requests.id'))
    .addColumn('part_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('third_party_person_id', 'text')
    .addColumn('record_type', 'text')
    .addColumn('record_id', 'text')
    .addColumn('text_sha256', 'text')
    .addColumn('redacted', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('occurrences', 'integer', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sar_redactions_sar_part').on('sar_redactions').columns(['sar_id', 'part_agency_id']).execute();
}

/** Drops the three tables. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('sar_redactions').execute();
  await db.schema.dropTable('sar_consultations').execute();
  await db.schema.dropTable('sar_requests').execute();
}
