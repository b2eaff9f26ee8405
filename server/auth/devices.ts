/** Device records: registration, lookup, revocation, and the check every device-bound request passes. */
import type { Kysely } from 'kysely';
import { compileOnce } from '../../db/compile-once.ts';
import type { DeviceTable, ServerDatabase } from '../../db/server/schema.ts';
import type { Device } from '../../domain/http/admin-routes.ts';
import { CodedError } from '../../domain/errors.ts';

/** A device row with its owner's agency, for policy checks. */
export interface DeviceRecord extends Device {
  agencyId: string;
}

/** Loads a device with its owner's agency, or undefined. */
export async function findDevice(db: Kysely<ServerDatabase>, id: string): Promise<DeviceRecord | undefined> {
  const row = await db.selectFrom('devices').innerJoin('users', 'users.id', 'devices.user_id')
    .selectAll('devices').select('users.agency_id').where('devices.id', '=', id).executeTakeFirst();
  return row ? { ...toDevice(row), agencyId: row.agency_id } : undefined;
}

/** Lists a user's devices, or every device of an agency. */
export async function listDevices(db: Kysely<ServerDatabase>, scope: { userId: string } | { agencyId: string }): Promise<Device[]> {
  let query = db.selectFrom('devices').innerJoin('users', 'users.id', 'devices.user_id').selectAll('devices');
  query = 'userId' in scope ? query.where('devices.user_id', '=', scope.userId) : query.where('users.agency_id', '=', scope.agencyId);
  const rows = await query.orderBy('devices.registered_at').orderBy('devices.id').execute();
  return rows.map(toDevice);
}

/** Who a device belongs to and when it was revoked, as the session checks read it (no row: no such device). */
export interface DeviceStanding {
  user_id: string | null;
  revoked_at: string | null;
}

/**
 * Refuses a device that is revoked (`device_revoked`, so the desktop wipes its cache) or that is
 * not one of the user's own (`authentication_error`).
 */
export async function assertUsableDevice(db: Kysely<ServerDatabase>, deviceId: string, userId: string): Promise<void> {
  // Every device-bound request runs this: compiled once per handle (db/compile-once.ts).
  const query = compileOnce(db, 'usable device', { deviceId }, (d, v) => d.selectFrom('devices').select(['user_id', 'revoked_at']).where('id', '=', v.deviceId).compile());
  const [row] = (await db.executeQuery(query)).rows;
  assertDeviceStanding(row, userId);
}

/** The check of assertUsableDevice on a device's row read elsewhere (the session statement reads one). */
export function assertDeviceStanding(row: DeviceStanding | undefined, userId: string): void {
  if (!row || row.user_id !== userId) {
    throw new CodedError('authentication_error', 'This device is not registered to your account; register it again.');
  }
  if (row.revoked_at !== null) {
    throw new CodedError('device_revoked', 'This device has been revoked; its local data must be wiped.');
  }
}

/** Marks a device as seen now (sign-in and refresh only, not every request). */
export async function touchDevice(db: Kysely<ServerDatabase>, deviceId: string, now: Date): Promise<void> {
  await db.updateTable('devices').set({ last_seen_at: now.toISOString() }).where('id', '=', deviceId).execute();
}

/** The API shape of a device row. */
export function toDevice(row: DeviceTable): Device {
  return {
    id: row.id, userId: row.user_id, name: row.name, registeredAt: row.registered_at,
    lastSeenAt: row.last_seen_at, revokedAt: row.revoked_at,
  };
}
