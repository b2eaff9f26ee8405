/**
 * Writes notifications to users inside the caller's transaction, so they commit with the change
 * they report. A row holds a kind, subject ids and an audience (agency, optional team, optional
 * user) and nothing else: no titles, names or words (docs/notifications.md).
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { UserNotificationKind } from '../../domain/entities/user-notification.ts';
import { newId } from '../../domain/ids.ts';

type Trx = Transaction<ServerDatabase>;

/** Who a notification is for: an agency, narrowed to a team and/or a user. */
export interface NotificationAudience {
  agencyId: string;
  teamId: string | null;
  userId: string | null;
}

/** The subject ids a notification may name. */
export interface NotificationSubject {
  caseId?: string | null;
  taskId?: string | null;
  markerId?: string | null;
  accessRequestId?: string | null;
}

/** Appends one notification; with `dedupeKey`, a second one with the same key is not written. */
export async function notifyUsers(
  trx: Trx, kind: UserNotificationKind, audience: NotificationAudience, subject: NotificationSubject, at: string, dedupeKey: string | null = null,
): Promise<void> {
  await trx.insertInto('user_notifications').values({
    id: newId(), kind, agency_id: audience.agencyId, team_id: audience.teamId, user_id: audience.userId,
    case_id: subject.caseId ?? null, task_id: subject.taskId ?? null, marker_id: subject.markerId ?? null,
    access_request_id: subject.accessRequestId ?? null, dedupe_key: dedupeKey, created_at: at,
  }).onConflict((oc) => oc.column('dedupe_key').doNothing()).execute();
}

/** Keys asked about per query, well under every dialect's bound-parameter limit. */
const KEYS_PER_QUERY = 500;

/**
 * The dedupe keys not yet written, in the order given. Notifications produced when a reader lists
 * (overdue, escalated) ask this first, so a listing that has nothing new opens no write transaction.
 */
export async function unwrittenDedupeKeys(db: Kysely<ServerDatabase>, keys: readonly string[]): Promise<Set<string>> {
  const missing = new Set(keys);
  for (let at = 0; at < keys.length; at += KEYS_PER_QUERY) {
    const written = await db.selectFrom('user_notifications').select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(at, at + KEYS_PER_QUERY)).execute();
    for (const row of written) {
      missing.delete(row.dedupe_key!);
    }
  }
  return missing;
}

/**
 * A marker was placed: tells the owner of every case it touches (the case itself, or every case the
 * person is a subject of) — the owner user, else the owner team, else the owner agency.
 * Location markers notify nobody (no case is "theirs").
 */
export async function notifyMarkerAdded(trx: Trx, subjectType: string, subjectId: string, markerId: string, at: string): Promise<void> {
  if (subjectType !== 'case' && subjectType !== 'person') {
    return;
  }
  let query = trx.selectFrom('cases as c').select(['c.id', 'c.owner_agency_id', 'c.owner_team_id', 'c.owner_user_id']);
  query = subjectType === 'case'
    ? query.where('c.id', '=', subjectId)
    : query.where('c.id', 'in', trx.selectFrom('case_subjects').select('case_id').where('person_id', '=', subjectId));
  for (const c of await query.execute()) {
    await notifyUsers(trx, 'marker_added', { agencyId: c.owner_agency_id, teamId: c.owner_team_id, userId: c.owner_user_id }, { caseId: c.id, markerId }, at);
  }
}
