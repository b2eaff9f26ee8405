/**
 * MARAC meetings taken offline (cache migration 0011; docs/marac.md, "A meeting with no network"):
 * each copy is exactly the server's meeting read for this user, plus the minutes and actions this
 * computer recorded that wait in the outbox (shown, and marked, until the server has them).
 */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { MeetingRecordSchema, type MeetingRecord } from '../../domain/entities/marac-meeting.ts';
import { applyMeetingChange, meetingAgencyNames, withoutCases, withWaitingChanges, type MeetingLocalChange, type WaitingToSync } from '../../domain/sync/meeting-local-changes.ts';

const MEETING_CHANGES = ['marac_meeting.setMinutes', 'marac_meeting.addAction'] as const;

/** A stored copy with its waiting changes applied. */
export interface MeetingCopy {
  record: MeetingRecord;
  takenAt: string;
}

/** The meeting copies of the signed-in user's cache. */
export interface MeetingCopyStore {
  /** Stores (or replaces) `userId`'s copy of the meeting as the server answered it, taken at `takenAt`. */
  store(userId: string, record: MeetingRecord, takenAt: string): Promise<void>;
  /** When `userId`'s copy of the meeting was taken, or null when there is none. */
  takenAt(meetingId: string, userId: string): Promise<string | null>;
  /** `userId`'s copy, or null when the meeting was not taken offline by them. */
  read(meetingId: string, userId: string): Promise<MeetingCopy | null>;
  /** Applies the meeting's waiting changes to `record`, saying which it shows. */
  withWaiting(record: MeetingRecord): Promise<{ record: MeetingRecord; waiting: WaitingToSync }>;
  /** Deletes the copy (the server no longer shows the meeting to this user). */
  forget(meetingId: string): Promise<void>;
}

/** The meeting changes still pending in the outbox, in push order. */
async function waitingChanges(db: Kysely<CacheDatabase>, meetingId: string): Promise<MeetingLocalChange[]> {
  const rows = await db.selectFrom('outbox').select(['name', 'args']).where('state', '=', 'pending').where('name', 'in', MEETING_CHANGES)
    .orderBy('mutation_id').execute();
  return rows.map((r) => ({ name: r.name, args: JSON.parse(r.args) as MeetingLocalChange['args'] }) as MeetingLocalChange)
    .filter((c) => c.args.meetingId === meetingId);
}

/** Names of agencies for actions added here: the meeting's own, then the offline copy's directory. */
async function agencyNamer(db: Kysely<CacheDatabase>, record: MeetingRecord): Promise<(id: string) => string | undefined> {
  const names = meetingAgencyNames(record);
  const rows = await db.selectFrom('agencies').select(['id', 'name']).execute();
  for (const r of rows) {
    if (!names.has(r.id)) {
      names.set(r.id, r.name);
    }
  }
  return (id) => names.get(id);
}

/** Writes a copy and the list of its agenda cases, in the caller's transaction. */
export async function writeMeetingCopy(trx: Kysely<CacheDatabase>, userId: string, record: MeetingRecord, takenAt: string): Promise<void> {
  await trx.insertInto('offline_meetings').values({ meeting_id: record.id, user_id: userId, record: JSON.stringify(record), taken_at: takenAt })
    .onConflict((oc) => oc.column('meeting_id').doUpdateSet({ user_id: userId, record: JSON.stringify(record), taken_at: takenAt })).execute();
  await trx.deleteFrom('offline_meeting_cases').where('meeting_id', '=', record.id).execute();
  const caseIds = [...new Set(record.agenda.map((i) => i.caseId))];
  if (caseIds.length > 0) {
    await trx.insertInto('offline_meeting_cases').values(caseIds.map((caseId) => ({ meeting_id: record.id, case_id: caseId }))).execute();
  }
}

/**
 * Applies a meeting change to the stored copy, if there is one (the optimistic side of
 * `changes.submit`); returns the minutes it replaced (`{ minutes }`) or null.
 */
export async function applyChangeToCopy(trx: Kysely<CacheDatabase>, change: MeetingLocalChange): Promise<Record<string, string | null> | null> {
  const row = await trx.selectFrom('offline_meetings').selectAll().where('meeting_id', '=', change.args.meetingId).executeTakeFirst();
  if (!row) {
    return null;
  }
  const record = MeetingRecordSchema.parse(JSON.parse(row.record));
  const next = applyMeetingChange(record, change, await agencyNamer(trx, record));
  await trx.updateTable('offline_meetings').set({ record: JSON.stringify(next) }).where('meeting_id', '=', row.meeting_id).execute();
  if (change.name === 'marac_meeting.setMinutes') {
    return { minutes: record.agenda.find((i) => i.id === change.args.agendaItemId)?.minutes ?? null };
  }
  return null;
}

/** Undoes a refused meeting change on the stored copy: the minutes go back while they are still this change's, an action goes. */
export async function undoChangeOnCopy(trx: Kysely<CacheDatabase>, change: MeetingLocalChange, before: Record<string, string | null> | null): Promise<void> {
  const row = await trx.selectFrom('offline_meetings').selectAll().where('meeting_id', '=', change.args.meetingId).executeTakeFirst();
  if (!row) {
    return;
  }
  const record = MeetingRecordSchema.parse(JSON.parse(row.record));
  const agenda = record.agenda.map((item) => {
    if (item.id !== change.args.agendaItemId) {
      return item;
    }
    if (change.name === 'marac_meeting.addAction') {
      return { ...item, actions: item.actions.filter((a) => a.taskId !== change.args.taskId) };
    }
    const written = change.args.text === '' ? null : change.args.text;
    return item.minutes === written ? { ...item, minutes: before?.minutes ?? null } : item;
  });
  await trx.updateTable('offline_meetings').set({ record: JSON.stringify({ ...record, agenda }) }).where('meeting_id', '=', row.meeting_id).execute();
}

/**
 * Takes the agenda cases of removed cases out of every copy that holds them (each then counted as
 * hidden); returns how many copies changed. Runs in the pull page's transaction.
 */
export async function removeCasesFromCopies(trx: Kysely<CacheDatabase>, caseIds: readonly string[]): Promise<number> {
  if (caseIds.length === 0) {
    return 0;
  }
  const affected = await trx.selectFrom('offline_meeting_cases').select('meeting_id').distinct().where('case_id', 'in', caseIds).execute();
  const gone = new Set(caseIds);
  for (const { meeting_id: meetingId } of affected) {
    const row = await trx.selectFrom('offline_meetings').select('record').where('meeting_id', '=', meetingId).executeTakeFirst();
    const next = row ? withoutCases(MeetingRecordSchema.parse(JSON.parse(row.record)), gone) : null;
    if (next) {
      await trx.updateTable('offline_meetings').set({ record: JSON.stringify(next) }).where('meeting_id', '=', meetingId).execute();
    }
  }
  await trx.deleteFrom('offline_meeting_cases').where('case_id', 'in', caseIds).execute();
  return affected.length;
}

/** The store over the cache's write handle (copies are written by reads, so reads and writes share it). */
export function createMeetingCopyStore(db: Kysely<CacheDatabase>): MeetingCopyStore {
  return {
    store: (userId, record, takenAt) => db.transaction().execute((trx) => writeMeetingCopy(trx, userId, record, takenAt)),
    async takenAt(meetingId, userId) {
      const row = await db.selectFrom('offline_meetings').select('taken_at').where('meeting_id', '=', meetingId).where('user_id', '=', userId).executeTakeFirst();
      return row?.taken_at ?? null;
    },
    async read(meetingId, userId) {
      const row = await db.selectFrom('offline_meetings').selectAll().where('meeting_id', '=', meetingId).where('user_id', '=', userId).executeTakeFirst();
      return row ? { record: MeetingRecordSchema.parse(JSON.parse(row.record)), takenAt: row.taken_at } : null;
    },
    async withWaiting(record) {
      return withWaitingChanges(record, await waitingChanges(db, record.id), await agencyNamer(db, record));
    },
    async forget(meetingId) {
      await db.transaction().execute(async (trx) => {
        await trx.deleteFrom('offline_meeting_cases').where('meeting_id', '=', meetingId).execute();
        await trx.deleteFrom('offline_meetings').where('meeting_id', '=', meetingId).execute();
      });
    },
  };
}
