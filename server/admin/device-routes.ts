/** Device registration, listing and revocation (docs/security.md). */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { newId } from '../../domain/ids.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { findDevice, listDevices, toDevice } from '../auth/devices.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { revokeDeviceTokens } from '../auth/refresh-tokens.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';

/** The owner may revoke their own device; an agency admin any device of their agency's users. */
export function mayRevokeDevice(user: AuthUser, device: { userId: string; agencyId: string }): boolean {
  return device.userId === user.id || (user.role === 'agency_admin' && device.agencyId === user.agencyId);
}

/** Registers the device routes. */
export function registerDeviceRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.registerDevice, async ({ body, user, request }) => {
    const row = { id: newId(), user_id: user.id, name: body.name, registered_at: ctx.now().toISOString(), last_seen_at: null, revoked_at: null, last_pulled_at: null };
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('devices').values(row).execute();
      await recordAudit(trx, {
        actor: { userId: user.id, agencyId: user.agencyId, deviceId: row.id, ip: request.ip },
        action: 'device.register', entityType: 'device', entityId: row.id, outcome: 'success', at: ctx.now(),
      });
    });
    return toDevice(row);
  });

  registerRoute(app, ctx, routes.listDevices, async ({ user }) => ({
    devices: await listDevices(ctx.db, user.role === 'agency_admin' ? { agencyId: user.agencyId } : { userId: user.id }),
  }));

  registerRoute(app, ctx, routes.revokeDevice, async ({ params, user, request }) => {
    const device = await findDevice(ctx.db, params.id);
    // Someone else's device in another agency is answered as missing, so ids are not confirmed.
    if (!device || (!mayRevokeDevice(user, device) && device.agencyId !== user.agencyId)) {
      throw new CodedError('not_found', 'No such device.');
    }
    if (!mayRevokeDevice(user, device)) {
      throw new CodedError('authorization_error', 'Only the owner or an agency administrator can revoke this device.');
    }
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('devices').set({ revoked_at: now.toISOString() }).where('id', '=', device.id).where('revoked_at', 'is', null).execute();
      await revokeDeviceTokens(trx, device.id, now);
      await recordAudit(trx, {
        actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip },
        action: 'device.revoke', entityType: 'device', entityId: device.id, outcome: 'success',
        details: { ownerUserId: device.userId }, at: now,
      });
    });
    ctx.sessionEnds.ended({ userId: device.userId, reason: 'device revoked', deviceId: device.id });
    const revoked = await findDevice(ctx.db, device.id);
    return revoked ?? device;
  });
}
