/**
 * Agency administration on the desktop (docs/access.md, "Administration"): user accounts, teams and
 * devices for agency and system admins; agencies, sharing agreements and MARAC areas for system admins. Online only: offline, each answers `network_error`.
 */
import { z } from 'zod';
import { AdminCaseTypeSchema, CreateCaseTypeBodySchema, UpdateCaseTypeBodySchema } from '../entities/case-type.ts';
import { SetTaskEscalationDaysBodySchema, SystemSettingsSchema } from '../entities/system-setting.ts';
import { DeviceSchema } from '../http/admin-routes.ts';
import { AdminAgencySchema, CreateAgencyBodySchema, SharingAgreementsBodySchema } from '../http/agency-admin-routes.ts';
import { MaracAreaRecordSchema } from '../entities/marac-referral.ts';
import { MaracAreaBodySchema } from '../http/marac-area-admin-routes.ts';
import { AdminUserSchema, CreateUserBodySchema, TeamSchema } from '../http/user-admin-routes.ts';
import { IdSchema } from '../ids.ts';
import { CaseTypeSchema } from '../vocabulary.ts';
import { defineChannel } from './channel.ts';

const UserRef = z.object({ userId: IdSchema }).strict();
const Issued = z.object({ temporaryPassword: z.string().optional() });

export const adminChannels = {
  'admin.users.list': defineChannel({ input: z.object({ agencyId: IdSchema.optional() }).strict(), output: z.object({ users: z.array(AdminUserSchema) }), needsSession: true }),
  'admin.users.create': defineChannel({ input: CreateUserBodySchema, output: Issued.extend({ user: AdminUserSchema }), needsSession: true }),
  'admin.users.disable': defineChannel({ input: UserRef, output: AdminUserSchema, needsSession: true }),
  'admin.users.enable': defineChannel({ input: UserRef, output: AdminUserSchema, needsSession: true }),
  /** A generated temporary password, shown once; the user must change it at the next sign-in. */
  'admin.users.resetPassword': defineChannel({ input: UserRef, output: Issued, needsSession: true }),
  'admin.users.resetTotp': defineChannel({ input: UserRef, output: z.object({ ok: z.literal(true) }), needsSession: true }),
  'admin.users.setTeams': defineChannel({ input: UserRef.extend({ teamIds: z.array(IdSchema).max(50) }).strict(), output: AdminUserSchema, needsSession: true }),
  'admin.teams.list': defineChannel({ input: z.object({ agencyId: IdSchema.optional() }).strict(), output: z.object({ teams: z.array(TeamSchema) }), needsSession: true }),
  'admin.teams.create': defineChannel({ input: z.object({ name: z.string().trim().min(1).max(100) }).strict(), output: TeamSchema, needsSession: true }),
  'admin.agencies.list': defineChannel({ input: z.null(), output: z.object({ agencies: z.array(AdminAgencySchema) }), needsSession: true }),
  'admin.agencies.create': defineChannel({ input: CreateAgencyBodySchema, output: AdminAgencySchema, needsSession: true }),
  /** Replaces one agency's sharing rule and partners (a row of the matrix). */
  'admin.agencies.setAgreements': defineChannel({ input: SharingAgreementsBodySchema.extend({ agencyId: IdSchema }).strict(), output: AdminAgencySchema, needsSession: true }),
  /** A new MARAC area (system admins); the list is `marac.areas`. */
  'admin.maracAreas.create': defineChannel({ input: MaracAreaBodySchema, output: MaracAreaRecordSchema, needsSession: true }),
  /** One area's name, coordinating agency and escalation rule, replaced whole. */
  'admin.maracAreas.update': defineChannel({ input: MaracAreaBodySchema.extend({ areaId: IdSchema }).strict(), output: MaracAreaRecordSchema, needsSession: true }),
  'admin.caseTypes.list': defineChannel({ input: z.null(), output: z.object({ caseTypes: z.array(AdminCaseTypeSchema) }), needsSession: true }),
  'admin.caseTypes.create': defineChannel({ input: CreateCaseTypeBodySchema, output: AdminCaseTypeSchema, needsSession: true }),
  /** Renames, retires or brings back one case type. */
  'admin.caseTypes.update': defineChannel({
    input: z.object({ code: CaseTypeSchema, change: UpdateCaseTypeBodySchema }).strict(), output: AdminCaseTypeSchema, needsSession: true,
  }),
  'admin.settings.get': defineChannel({ input: z.null(), output: SystemSettingsSchema, needsSession: true }),
  'admin.settings.setEscalationDays': defineChannel({ input: SetTaskEscalationDaysBodySchema, output: SystemSettingsSchema, needsSession: true }),
  'admin.devices.list': defineChannel({ input: z.null(), output: z.object({ devices: z.array(DeviceSchema) }), needsSession: true }),
  'admin.devices.revoke': defineChannel({ input: z.object({ deviceId: IdSchema }).strict(), output: DeviceSchema, needsSession: true }),
} as const;
