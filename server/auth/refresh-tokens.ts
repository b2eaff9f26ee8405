/** Rotating refresh tokens with reuse detection: replaying a used token revokes its whole family. */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { hashRefreshToken, newRefreshToken } from './token-service.ts';

/** A freshly issued refresh token. */
export interface IssuedRefreshToken {
  token: string;
  expiresAt: Date;
}

/** Starts a new token family at sign-in. */
export async function issueRefreshToken(
  db: Kysely<ServerDatabase>,
  args: { userId: string; deviceId: string | null; now: Date; days: number; familyId?: string },
): Promise<IssuedRefreshToken> {
  const token = newRefreshToken();
  const expiresAt = new Date(args.now.getTime() + args.days * 86_400_000);
  await db
    .insertInto('refresh_tokens')
    .values({
      id: newId(),
      family_id: args.familyId ?? newId(),
      user_id: args.userId,
      token_hash: hashRefreshToken(token),
      device_id: args.deviceId,
      created_at: args.now.toISOString(),
      expires_at: expiresAt.toISOString(),
      used_at: null,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** Why a refresh was refused; `reused` is audited as possible token theft. */
export type RefreshRefusal = 'unknown' | 'reused' | 'expired' | 'device_revoked' | 'wrong_device';

/**
 * Exchanges a refresh token for a new one in the same family. A token that was already used or
 * revoked is a sign of theft: the whole family is revoked and the caller must sign in again —
 * except a retry right after a lost reply (see REFRESH_RETRY_GRACE_MS).
 * A token bound to a revoked device answers `device_revoked` (so the desktop wipes); a token
 * without a device is bound to `deviceId` when one is given.
 */
export async function rotateRefreshToken(
  db: Kysely<ServerDatabase>,
  args: { token: string; now: Date; days: number; deviceId?: string | undefined; onRefused?: (why: RefreshRefusal, userId: string | null) => Promise<void> },
): Promise<{ userId: string; deviceId: string | null } & IssuedRefreshToken> {
  const nowIso = args.now.toISOString();
  const outcome = await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('refresh_tokens')
      .selectAll()
      .where('token_hash', '=', hashRefreshToken(args.token))
      .executeTakeFirst();
    if (!row) {
      return { kind: 'unknown' as const, userId: null };
    }
    const deviceId = row.device_id ?? args.deviceId ?? null;
    if (args.deviceId !== undefined && row.device_id !== null && row.device_id !== args.deviceId) {
      return { kind: 'wrong_device' as const, userId: row.user_id };
    }
    if (deviceId !== null) {
      const device = await trx.selectFrom('devices').select(['user_id', 'revoked_at']).where('id', '=', deviceId).executeTakeFirst();
      if (!device || device.user_id !== row.user_id) {
        return { kind: 'wrong_device' as const, userId: row.user_id };
      }
      if (device.revoked_at !== null) {
        return { kind: 'device_revoked' as const, userId: row.user_id };
      }
    }
    if (row.used_at !== null && row.revoked_at === null && await supersedeUnusedSuccessor(trx, row, args.now)) {
      const next = await issueRefreshToken(trx, { userId: row.user_id, deviceId, now: args.now, days: args.days, familyId: row.family_id });
      return { kind: 'rotated' as const, userId: row.user_id, deviceId, ...next };
    }
    if (row.used_at !== null || row.revoked_at !== null) {
      await trx.updateTable('refresh_tokens').set({ revoked_at: nowIso }).where('family_id', '=', row.family_id).where('revoked_at', 'is', null).execute();
      return { kind: 'reused' as const, userId: row.user_id };
    }
    if (row.expires_at <= nowIso) {
      return { kind: 'expired' as const, userId: row.user_id };
    }
    // Compare-and-set on used_at so two concurrent refreshes cannot both succeed.
    const claimed = await trx.updateTable('refresh_tokens').set({ used_at: nowIso }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      return { kind: 'reused' as const, userId: row.user_id };
    }
    const next = await issueRefreshToken(trx, { userId: row.user_id, deviceId, now: args.now, days: args.days, familyId: row.family_id });
    return { kind: 'rotated' as const, userId: row.user_id, deviceId, ...next };
  });
  if (outcome.kind !== 'rotated') {
    await args.onRefused?.(outcome.kind, outcome.userId);
    if (outcome.kind === 'device_revoked') {
      throw new CodedError('device_revoked', 'This device has been revoked; its local data must be wiped.');
    }
    throw new CodedError('authentication_error', 'Your session has ended; sign in again.');
  }
  return outcome;
}

/**
 * How long after a rotation the previous token may be presented again. On a poor connection the
 * reply carrying the new token can be lost after the server committed it; the client then retries
 * with the token it still holds. Without this, that retry would look like theft and end the session.
 */
export const REFRESH_RETRY_GRACE_MS = 120_000;

/**
 * A retry after a lost reply: the token was used moments ago and its successor was never used.
 * Then the successor is revoked (whoever holds it can no longer use it) and the caller gets a new
 * one. A thief replaying the old token in that window gains a token, but the real client's next
 * refresh presents the revoked successor, which revokes the whole family, as any reuse does.
 */
async function supersedeUnusedSuccessor(
  trx: Kysely<ServerDatabase>, row: { id: string; family_id: string; used_at: string | null }, now: Date,
): Promise<boolean> {
  if (row.used_at === null || now.getTime() - Date.parse(row.used_at) > REFRESH_RETRY_GRACE_MS) {
    return false;
  }
  const live = await trx.selectFrom('refresh_tokens').select(['id', 'used_at']).where('family_id', '=', row.family_id)
    .where('id', '<>', row.id).where('revoked_at', 'is', null).execute();
  // Exactly one live token, and unused: the successor issued by that rotation and nothing after it.
  if (live.length !== 1 || live[0]!.used_at !== null) {
    return false;
  }
  await trx.updateTable('refresh_tokens').set({ revoked_at: now.toISOString() }).where('id', '=', live[0]!.id).where('used_at', 'is', null).execute();
  return true;
}

/** Revokes every refresh token bound to a device (device revocation). */
export async function revokeDeviceTokens(db: Kysely<ServerDatabase>, deviceId: string, now: Date): Promise<void> {
  await db.updateTable('refresh_tokens').set({ revoked_at: now.toISOString() }).where('device_id', '=', deviceId).where('revoked_at', 'is', null).execute();
}

/** Revokes every refresh token of a user, every family (their sessions must sign in again). */
export async function revokeUserTokens(db: Kysely<ServerDatabase>, userId: string, now: Date): Promise<void> {
  await db.updateTable('refresh_tokens').set({ revoked_at: now.toISOString() }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}

/** Revokes the family a refresh token belongs to (sign-out). */
export async function revokeRefreshFamily(db: Kysely<ServerDatabase>, token: string, userId: string, now: Date): Promise<void> {
  const row = await db.selectFrom('refresh_tokens').select('family_id').where('token_hash', '=', hashRefreshToken(token)).where('user_id', '=', userId).executeTakeFirst();
  if (row) {
    await db.updateTable('refresh_tokens').set({ revoked_at: now.toISOString() }).where('family_id', '=', row.family_id).where('revoked_at', 'is', null).execute();
  }
}
