/**
 * The local effect of each mutation on the mirror tables (what the user sees before the server
 * answers), and its undo when the server refuses it or reports a conflict.
 */
import type { Kysely, Updateable } from 'kysely';
import { CodedError } from '../../domain/errors.ts';
import type { MutationArgs, MutationName } from '../../domain/sync/mutations.ts';
import { applyChangeToCopy, undoChangeOnCopy } from '../cache/meeting-copies.ts';
import { caseLocationRow, caseRow, caseSubjectRow, locationRow, markerRow, personRow, reportRow, taskRow } from '../cache/mirror-rows.ts';
import type { LocalActor, SyncCacheDatabase } from './sync-cache-db.ts';

type Db = Kysely<SyncCacheDatabase>;
/** The values an optimistic update replaced, by column; null for creates (undo deletes). */
export type BeforeImage = Record<string, string | null> | null;

const CASE_COLUMNS = { title: 'title', reviewDate: 'review_date', riskLevel: 'risk_level', status: 'status', closureReason: 'closure_reason' } as const;
type CaseColumn = (typeof CASE_COLUMNS)[keyof typeof CASE_COLUMNS];

const MARKER_COLUMNS = { markerType: 'marker_type', description: 'description', reviewDate: 'review_date', expiresAt: 'expires_at' } as const;
type MarkerColumn = (typeof MARKER_COLUMNS)[keyof typeof MARKER_COLUMNS];

/** The marker columns a `marker.update` writes. */
function markerWrites(args: MutationArgs<'marker.update'>): Partial<Record<MarkerColumn, string | null>> {
  const writes: Partial<Record<MarkerColumn, string | null>> = {};
  for (const [field, column] of Object.entries(MARKER_COLUMNS)) {
    const value = args[field as keyof typeof MARKER_COLUMNS];
    if (value !== undefined) {
      writes[column] = value;
    }
  }
  return writes;
}

/** The report columns a `report.update` writes (the version moves only when the server applies it). */
function reportWrites(args: MutationArgs<'report.update'>): Partial<Record<'title' | 'body', string>> {
  return { ...(args.title === undefined ? {} : { title: args.title }), ...(args.body === undefined ? {} : { body: args.body }) };
}

/** The case columns a `case.update` writes, with the server's rule that reopening clears the closure reason. */
function caseWrites(args: MutationArgs<'case.update'>): Partial<Record<CaseColumn, string | null>> {
  const writes: Partial<Record<CaseColumn, string | null>> = {};
  for (const [field, column] of Object.entries(CASE_COLUMNS)) {
    const value = args[field as keyof typeof CASE_COLUMNS];
    if (value !== undefined) {
      writes[column] = value;
    }
  }
  if (args.status === 'open') {
    writes.closure_reason = null;
  }
  return writes;
}

/** The reference a case made offline shows until the pull brings the one the server assigned. */
export function pendingCaseReference(caseId: string): string {
  return `PENDING-${caseId.replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

/**
 * What the creator of a pending case may do before the server answers: the changes that are queued
 * behind the create and pushed after it. The pull replaces them with the server's abilities.
 */
const PENDING_CASE_ABILITIES = {
  read: true, update: true, share: false, close: false, transfer: false, add_report: true, add_task: true, add_document: false, link: false,
};

/** Applies a mutation's local effect; returns what it replaced. Idempotent, so pending changes can be re-applied after a pull. */
export async function applyOptimistic<N extends MutationName>(db: Db, name: N, args: MutationArgs<N>, actor: LocalActor, at: string): Promise<BeforeImage> {
  switch (name) {
    case 'case.create': {
      const a = args as MutationArgs<'case.create'>;
      // The server's rule: no owner team given means the creator's first team.
      const row = caseRow({
        id: a.caseId, reference: pendingCaseReference(a.caseId), title: a.title, caseType: a.caseType, status: 'open', closureReason: null,
        riskLevel: a.riskLevel, reviewDate: a.reviewDate, ownerAgencyId: actor.agencyId,
        ownerTeamId: a.ownerTeamId === undefined ? actor.teamId : a.ownerTeamId, ownerUserId: actor.userId, sharingLevel: a.sharingLevel,
        sharedAgencyIds: [], createdAt: at, updatedAt: at, version: 1,
      });
      await db.insertInto('cases').values({ ...row, abilities: JSON.stringify(PENDING_CASE_ABILITIES) })
        .onConflict((oc) => oc.column('id').doNothing()).execute();
      return null;
    }
    case 'case.update': {
      const a = args as MutationArgs<'case.update'>;
      const writes = caseWrites(a);
      const row = await db.selectFrom('cases').selectAll().where('id', '=', a.caseId).executeTakeFirst();
      if (!row) {
        throw new CodedError('not_found', 'This case is not in the local cache.');
      }
      const before = Object.fromEntries(Object.keys(writes).map((c) => [c, row[c as CaseColumn]]));
      if (Object.keys(writes).length > 0) {
        // Only nullable columns (review date, closure reason) ever receive null here.
        await db.updateTable('cases').set(writes as Updateable<SyncCacheDatabase['cases']>).where('id', '=', a.caseId).execute();
      }
      return before;
    }
    case 'report.create': {
      const a = args as MutationArgs<'report.create'>;
      const row = reportRow({
        id: a.reportId, caseId: a.caseId, kind: a.kind, title: a.title, body: a.body, authorUserId: actor.userId, authorAgencyId: actor.agencyId,
        authorTeamId: actor.teamId, sharingLevel: a.sharingLevel, createdAt: at, updatedAt: at, version: 1,
        // The author edits their own report, also before the server has it (the edit is pushed after the create).
        abilities: { read: true, update: true },
      });
      await db.insertInto('reports').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
      return null;
    }
    case 'report.update': {
      const a = args as MutationArgs<'report.update'>;
      const writes = reportWrites(a);
      const row = await db.selectFrom('reports').select(['title', 'body']).where('id', '=', a.reportId).executeTakeFirst();
      if (!row) {
        throw new CodedError('not_found', 'This report is not in the local cache.');
      }
      const before = Object.fromEntries(Object.keys(writes).map((c) => [c, row[c as 'title' | 'body']]));
      await db.updateTable('reports').set(writes).where('id', '=', a.reportId).execute();
      return before;
    }
    case 'task.create': {
      const a = args as MutationArgs<'task.create'>;
      const row = taskRow({
        id: a.taskId, caseId: a.caseId, title: a.title, description: a.description, assigneeAgencyId: a.assigneeAgencyId,
        assigneeTeamId: a.assigneeTeamId, assigneeUserId: a.assigneeUserId, dueDate: a.dueDate, status: 'open', createdBy: actor.userId,
        createdAt: at, updatedAt: at, version: 1, updates: [],
      });
      await db.insertInto('tasks').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
      return null;
    }
    case 'task.update': {
      const a = args as MutationArgs<'task.update'>;
      const row = await requireTask(db, a.taskId);
      await db.updateTable('tasks').set({ status: a.status }).where('id', '=', a.taskId).execute();
      return { status: row.status };
    }
    case 'task.addUpdate': {
      const a = args as MutationArgs<'task.addUpdate'>;
      const row = await requireTask(db, a.taskId);
      const thread = JSON.parse(row.updates) as Array<{ id: string }>;
      if (!thread.some((u) => u.id === a.taskUpdateId)) {
        thread.push({ id: a.taskUpdateId, authorUserId: actor.userId, body: a.body, createdAt: at } as { id: string });
        await db.updateTable('tasks').set({ updates: JSON.stringify(thread) }).where('id', '=', a.taskId).execute();
      }
      return null;
    }
    case 'marker.create': {
      const a = args as MutationArgs<'marker.create'>;
      const row = markerRow({
        id: a.markerId, subjectType: a.subjectType, subjectId: a.subjectId, markerType: a.markerType, description: a.description,
        ownerAgencyId: actor.agencyId, reviewDate: a.reviewDate, expiresAt: a.expiresAt, createdAt: at, updatedAt: at, version: 1,
      });
      // The placing agency owns the marker, so its users may change it before the server answers.
      await db.insertInto('markers').values({ ...row, abilities: JSON.stringify({ update: true }) })
        .onConflict((oc) => oc.column('id').doNothing()).execute();
      return null;
    }
    case 'marker.update': {
      const a = args as MutationArgs<'marker.update'>;
      const writes = markerWrites(a);
      const row = await db.selectFrom('markers').selectAll().where('id', '=', a.markerId).executeTakeFirst();
      if (!row) {
        throw new CodedError('not_found', 'This marker is not in the local cache.');
      }
      const before = Object.fromEntries(Object.keys(writes).map((c) => [c, row[c as MarkerColumn]]));
      if (Object.keys(writes).length > 0) {
        await db.updateTable('markers').set(writes as Updateable<SyncCacheDatabase['markers']>).where('id', '=', a.markerId).execute();
      }
      return before;
    }
    case 'person.create': {
      const a = args as MutationArgs<'person.create'>;
      const p = a.person;
      const row = personRow({
        id: a.personId, givenName: p.givenName, familyName: p.familyName, dateOfBirth: p.dateOfBirth ?? null,
        estimatedBirthYear: p.estimatedBirthYear ?? null, gender: p.gender, aliases: p.aliases,
      });
      await db.insertInto('persons').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
      return null;
    }
    case 'case.addSubject': {
      const a = args as MutationArgs<'case.addSubject'>;
      const row = caseSubjectRow({ id: a.caseSubjectId, caseId: a.caseId, personId: a.personId, role: a.role, createdAt: at });
      await db.insertInto('case_subjects').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
      return null;
    }
    case 'case.removeSubject': {
      const a = args as MutationArgs<'case.removeSubject'>;
      const row = await db.selectFrom('case_subjects').select(['id', 'created_at']).where('case_id', '=', a.caseId)
        .where('person_id', '=', a.personId).where('role', '=', a.role).executeTakeFirst();
      if (!row) {
        return null;
      }
      await db.deleteFrom('case_subjects').where('id', '=', row.id).execute();
      return { id: row.id, created_at: row.created_at };
    }
    case 'location.create': {
      const { locationId, ...place } = args as MutationArgs<'location.create'>;
      const row = locationRow({
        id: locationId, addressLine: place.addressLine, town: place.town, postcode: place.postcode, uprn: place.uprn ?? null,
        latitude: place.latitude ?? null, longitude: place.longitude ?? null, ownerAgencyId: actor.agencyId, createdAt: at, updatedAt: at, version: 1,
        // The recording agency owns the place, so its users may change it.
        abilities: { update: true },
      });
      await db.insertInto('locations').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
      return null;
    }
    case 'case.addLocation': {
      const a = args as MutationArgs<'case.addLocation'>;
      const row = caseLocationRow({ id: a.caseLocationId, caseId: a.caseId, locationId: a.locationId, description: a.description, createdAt: at });
      await db.insertInto('case_locations').values(row).onConflict((oc) => oc.column('id').doNothing()).execute();
      return null;
    }
    case 'document.upload': {
      // Listed at once, as the uploader's own (they may delete it); its sealed content is stored by the caller.
      const a = args as MutationArgs<'document.upload'>;
      await db.insertInto('documents').values({
        id: a.documentId, case_id: a.caseId, report_id: null, file_name: a.fileName, content_type: a.contentType, size_bytes: a.sizeBytes,
        sha256: a.sha256, owner_agency_id: actor.agencyId, owner_team_id: actor.teamId, uploaded_by: actor.userId, sharing_level: 'parent',
        created_at: at, abilities: JSON.stringify({ delete: true }),
      }).onConflict((oc) => oc.column('id').doNothing()).execute();
      return null;
    }
    case 'document.delete': {
      // Gone from the case screen at once; the whole row is the before image, so a refusal brings it back.
      // Its stored file stays until the pull's removal (or the next open's orphan sweep) takes it.
      const a = args as MutationArgs<'document.delete'>;
      const row = await db.selectFrom('documents').selectAll().where('id', '=', a.documentId).executeTakeFirst();
      if (!row) {
        return null;
      }
      await db.deleteFrom('documents').where('id', '=', a.documentId).execute();
      return Object.fromEntries(Object.entries(row).map(([column, value]) => [column, value === null ? null : String(value)]));
    }
    case 'marac_meeting.setMinutes':
    case 'marac_meeting.addAction':
      // Shown in the meeting's offline copy, if the coordinator took it offline (docs/marac.md);
      // the server applies them at push with its own checks.
      return applyChangeToCopy(db, { name, args } as Parameters<typeof applyChangeToCopy>[1]);
    case 'dash_assessment.create':
    case 'marac_referral.create':
      // Not mirrored in the offline copy: the outbox holds the change until the push, where the server
      // scores the assessment and works out the referral's criteria and repeat flag (docs/marac.md).
      return null;
  }
  throw new CodedError('validation_error', 'Unknown mutation.');
}

/** The columns a mutation's local effect writes and the values it writes there (none for creates and thread updates). */
function writtenColumns<N extends MutationName>(name: N, args: MutationArgs<N>): Record<string, string | null> {
  switch (name) {
    case 'case.update':
      return caseWrites(args as MutationArgs<'case.update'>);
    case 'task.update':
      return { status: (args as MutationArgs<'task.update'>).status };
    case 'marker.update':
      return markerWrites(args as MutationArgs<'marker.update'>);
    case 'report.update':
      return reportWrites(args as MutationArgs<'report.update'>);
    case 'marac_meeting.setMinutes': {
      const text = (args as MutationArgs<'marac_meeting.setMinutes'>).text;
      return { minutes: text === '' ? null : text };
    }
    default:
      return {};
  }
}

/**
 * The before image of a pending change re-applied after a pull. A column the pull overwrote held the
 * server's value when re-applied, which is what an undo must bring back; a column the pull did not
 * touch still held this change's own value, so the image taken when it was first applied stands.
 * (If the server's new value equals mine, the older image stands: the two cannot be told apart here.)
 */
export function reappliedBefore<N extends MutationName>(name: N, args: MutationArgs<N>, first: BeforeImage, reapplied: BeforeImage): BeforeImage {
  if (name === 'document.delete') {
    // A document the pull did not bring back is still gone: the row first removed is what an undo restores.
    return reapplied ?? first;
  }
  if (reapplied === null || first === null) {
    return reapplied;
  }
  const written = writtenColumns(name, args);
  return Object.fromEntries(Object.entries(reapplied).map(([column, value]) =>
    [column, column in written && value === written[column] && column in first ? (first[column] ?? null) : value]));
}

/**
 * Undoes a local effect the server did not apply. A column is put back only while it still holds
 * what this change wrote, so a later local change to the same field survives.
 */
export async function undoOptimistic<N extends MutationName>(db: Db, name: N, args: MutationArgs<N>, before: BeforeImage): Promise<void> {
  switch (name) {
    case 'case.update': {
      const a = args as MutationArgs<'case.update'>;
      const writes = caseWrites(a);
      for (const [column, value] of Object.entries(before ?? {})) {
        const written = writes[column as CaseColumn];
        await db.updateTable('cases').set({ [column]: value }).where('id', '=', a.caseId)
          .where(column as CaseColumn, 'is', written ?? null).execute();
      }
      return;
    }
    case 'case.create':
      // Only the pending copy: once the pull has brought the server's case it carries the server's reference.
      await db.deleteFrom('cases').where('id', '=', (args as MutationArgs<'case.create'>).caseId)
        .where('reference', '=', pendingCaseReference((args as MutationArgs<'case.create'>).caseId)).execute();
      return;
    case 'report.create':
      await db.deleteFrom('reports').where('id', '=', (args as MutationArgs<'report.create'>).reportId).execute();
      return;
    case 'report.update': {
      const a = args as MutationArgs<'report.update'>;
      const writes = reportWrites(a);
      for (const [column, value] of Object.entries(before ?? {})) {
        const written = writes[column as 'title' | 'body'];
        if (value !== null && written !== undefined) {
          await db.updateTable('reports').set({ [column]: value }).where('id', '=', a.reportId).where(column as 'title' | 'body', '=', written).execute();
        }
      }
      return;
    }
    case 'task.create':
      await db.deleteFrom('tasks').where('id', '=', (args as MutationArgs<'task.create'>).taskId).execute();
      return;
    case 'task.update': {
      const a = args as MutationArgs<'task.update'>;
      if (before?.status) {
        await db.updateTable('tasks').set({ status: before.status }).where('id', '=', a.taskId).where('status', '=', a.status).execute();
      }
      return;
    }
    case 'task.addUpdate': {
      const a = args as MutationArgs<'task.addUpdate'>;
      const row = await db.selectFrom('tasks').select('updates').where('id', '=', a.taskId).executeTakeFirst();
      if (row) {
        const thread = (JSON.parse(row.updates) as Array<{ id: string }>).filter((u) => u.id !== a.taskUpdateId);
        await db.updateTable('tasks').set({ updates: JSON.stringify(thread) }).where('id', '=', a.taskId).execute();
      }
      return;
    }
    case 'marker.create':
      await db.deleteFrom('markers').where('id', '=', (args as MutationArgs<'marker.create'>).markerId).execute();
      return;
    case 'marker.update': {
      const a = args as MutationArgs<'marker.update'>;
      const writes = markerWrites(a);
      for (const [column, value] of Object.entries(before ?? {})) {
        await db.updateTable('markers').set({ [column]: value }).where('id', '=', a.markerId)
          .where(column as MarkerColumn, 'is', writes[column as MarkerColumn] ?? null).execute();
      }
      return;
    }
    case 'person.create':
      await db.deleteFrom('persons').where('id', '=', (args as MutationArgs<'person.create'>).personId).execute();
      return;
    case 'case.addSubject':
      await db.deleteFrom('case_subjects').where('id', '=', (args as MutationArgs<'case.addSubject'>).caseSubjectId).execute();
      return;
    case 'case.removeSubject': {
      const a = args as MutationArgs<'case.removeSubject'>;
      if (before?.id && before.created_at) {
        await db.insertInto('case_subjects').values({ id: before.id, case_id: a.caseId, person_id: a.personId, role: a.role, created_at: before.created_at })
          .onConflict((oc) => oc.column('id').doNothing()).execute();
      }
      return;
    }
    case 'location.create':
      await db.deleteFrom('locations').where('id', '=', (args as MutationArgs<'location.create'>).locationId).execute();
      return;
    case 'case.addLocation':
      await db.deleteFrom('case_locations').where('id', '=', (args as MutationArgs<'case.addLocation'>).caseLocationId).execute();
      return;
    case 'document.upload':
      // The stored file goes with it (the push deletes it when the server refuses the upload).
      await db.deleteFrom('documents').where('id', '=', (args as MutationArgs<'document.upload'>).documentId).execute();
      return;
    case 'document.delete': {
      const a = args as MutationArgs<'document.delete'>;
      if (before?.id === a.documentId && before.case_id) {
        await db.insertInto('documents').values(documentRowFromImage(before)).onConflict((oc) => oc.column('id').doNothing()).execute();
      }
      return;
    }
    case 'marac_meeting.setMinutes':
    case 'marac_meeting.addAction':
      await undoChangeOnCopy(db, { name, args } as Parameters<typeof undoChangeOnCopy>[1], before);
      return;
    case 'dash_assessment.create':
    case 'marac_referral.create':
      // Nothing was applied locally.
      return;
  }
}

/** A documents row from the before image a `document.delete` took (every column, as text). */
function documentRowFromImage(image: Record<string, string | null>): SyncCacheDatabase['documents'] {
  const text = (column: string) => image[column] ?? '';
  return {
    id: text('id'), case_id: text('case_id'), report_id: image.report_id ?? null, file_name: text('file_name'), content_type: text('content_type'),
    size_bytes: Number(image.size_bytes ?? 0), sha256: text('sha256'), owner_agency_id: text('owner_agency_id'), owner_team_id: image.owner_team_id ?? null,
    uploaded_by: text('uploaded_by'), sharing_level: text('sharing_level'), created_at: text('created_at'), abilities: image.abilities ?? null,
  };
}

async function requireTask(db: Db, taskId: string) {
  const row = await db.selectFrom('tasks').select(['status', 'updates']).where('id', '=', taskId).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'This task is not in the local cache.');
  }
  return row;
}
