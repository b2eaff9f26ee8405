/** Administration of user accounts and teams by agency and system admins (docs/access.md, "Administration"). */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { RoleSchema } from '../vocabulary.ts';
import { defineRoute, NoBody, NoQuery } from './route.ts';

/** A password an administrator sets or a user chooses: long enough to resist guessing, bounded like sign-in's. */
export const NewPasswordSchema = z.string().min(12, 'at least 12 characters').max(512);
/** Usernames are lower case letters, digits, dots, hyphens and underscores (sign-in lowers what is typed). */
export const UsernameSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, '3 to 64 letters, digits, dots, hyphens or underscores');

export const AdminUserSchema = z.object({
  id: IdSchema,
  agencyId: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  teamIds: z.array(IdSchema),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  totpEnabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
/** A user account as an administrator sees it (never a password hash or a secret). */
export type AdminUser = z.infer<typeof AdminUserSchema>;

export const TeamSchema = z.object({ id: IdSchema, agencyId: IdSchema, name: z.string(), memberCount: z.number().int().nonnegative() });
/** A team of an agency. */
export type Team = z.infer<typeof TeamSchema>;

/** Which agency to administer: a system admin names one, an agency admin's own is the default. */
const AgencyQuery = z.object({ agencyId: IdSchema.optional() }).strict();

export const CreateUserBodySchema = z.object({
  agencyId: IdSchema.optional(),
  username: UsernameSchema,
  displayName: z.string().trim().min(1).max(100),
  role: RoleSchema,
  teamIds: z.array(IdSchema).max(50).default([]),
  /** The initial password; omitted, the server generates a temporary one and returns it once. */
  password: NewPasswordSchema.optional(),
}).strict();
/** What creating a user sends. */
export type CreateUserBody = z.input<typeof CreateUserBodySchema>;

/** A temporary password the server generated, shown once to the administrator and never stored in clear. */
const PasswordIssued = z.object({ temporaryPassword: z.string().optional() });

export const userAdminRoutes = {
  listUsers: defineRoute({
    method: 'GET', path: '/users', auth: true, tag: 'users', summary: "The user accounts of an agency (an agency admin: their own; a system admin: any, by agencyId)",
    query: AgencyQuery, body: NoBody, response: z.object({ users: z.array(AdminUserSchema) }),
  }),
  createUser: defineRoute({
    method: 'POST', path: '/users', auth: true, tag: 'users',
    summary: 'Create a user account; they must choose a new password at their first sign-in. Without a password, a generated temporary one is returned once',
    query: NoQuery, body: CreateUserBodySchema, response: PasswordIssued.extend({ user: AdminUserSchema }),
  }),
  disableUser: defineRoute({
    method: 'POST', path: '/users/:id/disable', auth: true, tag: 'users', summary: 'Disable an account: it cannot sign in and its sessions end at once',
    params: z.object({ id: IdSchema }), query: NoQuery, body: NoBody, response: AdminUserSchema,
  }),
  enableUser: defineRoute({
    method: 'POST', path: '/users/:id/enable', auth: true, tag: 'users', summary: 'Enable a disabled account again',
    params: z.object({ id: IdSchema }), query: NoQuery, body: NoBody, response: AdminUserSchema,
  }),
  resetUserPassword: defineRoute({
    method: 'POST', path: '/users/:id/password/reset', auth: true, tag: 'users',
    summary: "Set a user's password (or a generated temporary one, returned once); their sessions end and they must choose a new one at the next sign-in",
    params: z.object({ id: IdSchema }), query: NoQuery, body: z.object({ password: NewPasswordSchema.optional() }).strict(), response: PasswordIssued,
  }),
  setUserTeams: defineRoute({
    method: 'POST', path: '/users/:id/teams', auth: true, tag: 'users', summary: "Set a user's teams (teams of their own agency), moving them between teams",
    params: z.object({ id: IdSchema }), query: NoQuery, body: z.object({ teamIds: z.array(IdSchema).max(50) }).strict(), response: AdminUserSchema,
  }),
  listTeams: defineRoute({
    method: 'GET', path: '/teams', auth: true, tag: 'users', summary: "The teams of an agency (an agency admin: their own; a system admin: any, by agencyId)",
    query: AgencyQuery, body: NoBody, response: z.object({ teams: z.array(TeamSchema) }),
  }),
  createTeam: defineRoute({
    method: 'POST', path: '/teams', auth: true, tag: 'users', summary: 'Create a team in an agency',
    query: NoQuery, body: z.object({ agencyId: IdSchema.optional(), name: z.string().trim().min(1).max(100) }).strict(), response: TeamSchema,
  }),
} as const;
