/** Account lockout: five failed sign-ins for a username within 15 minutes lock it for 15 minutes. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { newId } from '../../domain/ids.ts';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_WINDOW_MS = 15 * 60_000;

/** One recorded sign-in attempt, oldest first. */
export interface Attempt {
  at: number;
  succeeded: boolean;
}

/**
 * When the lock (if any) ends, replaying the attempt history. Attempts made while locked are
 * recorded as failures too, but they neither extend the lock nor count towards the next one, so a
 * person who retries with the right password while locked is not punished with a longer wait.
 */
export function lockedUntil(attempts: readonly Attempt[]): number {
  let until = 0;
  let failures: number[] = [];
  for (const attempt of attempts) {
    if (attempt.at < until) {
      continue;
    }
    if (attempt.succeeded) {
      failures = [];
      continue;
    }
    failures = failures.filter((at) => at > attempt.at - LOCKOUT_WINDOW_MS);
    failures.push(attempt.at);
    if (failures.length >= LOCKOUT_FAILURES) {
      until = attempt.at + LOCKOUT_WINDOW_MS;
      failures = [];
    }
  }
  return until;
}

/** True when the username is locked at `now`. */
export async function isLockedOut(db: Kysely<ServerDatabase>, username: string, now: Date): Promise<boolean> {
  // A day of history is plenty: a lock lasts 15 minutes, and the route rate limit caps the rows.
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const rows = await db
    .selectFrom('login_attempts')
    .select(['at', 'succeeded'])
    .where('username', '=', username.toLowerCase())
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(500)
    .execute();
  const attempts = rows.reverse().map((r) => ({ at: Date.parse(r.at), succeeded: r.succeeded === 1 }));
  return lockedUntil(attempts) > now.getTime();
}

/** Records one attempt; the username is stored lower-cased, never the password. */
export async function recordLoginAttempt(
  db: Kysely<ServerDatabase>,
  args: { username: string; userId: string | null; succeeded: boolean; ip: string; at: Date },
): Promise<void> {
  await db.insertInto('login_attempts').values({
    id: newId(),
    username: args.username.toLowerCase(),
    user_id: args.userId,
    succeeded: args.succeeded ? 1 : 0,
    ip: args.ip,
    at: args.at.toISOString(),
  }).execute();
}
