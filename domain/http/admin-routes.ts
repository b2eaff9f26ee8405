/** Administration: devices, TOTP enrolment, agencies, sharing agreements. */
import { z } from 'zod';
import { defineRoute, NoBody, NoQuery } from './route.ts';
import { agencyAdminRoutes } from './agency-admin-routes.ts';
import { userAdminRoutes } from './user-admin-routes.ts';


export const DeviceSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  registeredAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
/** A registered desktop installation of one user; a revoked device must wipe its local data. */
export type Device = z.infer<typeof DeviceSchema>;

export const adminRoutes = {
  ...userAdminRoutes,
  ...agencyAdminRoutes,
  registerDevice: defineRoute({
    method: 'POST', path: '/devices', auth: true, tag: 'devices', summary: 'Register this desktop as a device of the signed-in user',
    query: NoQuery, body: z.object({ name: z.string().trim().min(1).max(100) }), response: DeviceSchema,
  }),
  listDevices: defineRoute({
    method: 'GET', path: '/devices', auth: true, tag: 'devices', summary: "The caller's devices (an agency admin sees the agency's)",
    query: NoQuery, body: NoBody, response: z.object({ devices: z.array(DeviceSchema) }),
  }),
  revokeDevice: defineRoute({
    method: 'POST', path: '/devices/:id/revoke', auth: true, tag: 'devices',
    summary: 'Revoke a device: its refresh tokens end and its next request is told to wipe (owner or agency admin)',
    params: z.object({ id: z.uuid() }), query: NoQuery, body: NoBody, response: DeviceSchema,
  }),
  resetUserTotp: defineRoute({
    method: 'POST', path: '/users/:id/totp/reset', auth: true, tag: 'users',
    summary: "Reset a user's authenticator app (lost phone): the second factor is removed and their sessions end (agency or system admin)",
    params: z.object({ id: z.uuid() }), query: NoQuery, body: NoBody, response: z.object({ ok: z.literal(true) }),
  }),
} as const;
