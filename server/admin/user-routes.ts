/** User accounts: list, create, disable, enable, reset a password, set teams (docs/access.md, "Administration"). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { newId } from '../../domain/ids.ts';
import { mayAdministerAgency, mayDisableUser, mayGrantRole, mayManageUser } from '../../domain/policy/user-admin-policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordListRead } from '../audit/record-list-read.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { hashPassword } from '../auth/passwords.ts';
import { revokeUserTokens } from '../auth/refresh-tokens.ts';
import type { ServerContext } from '../context/server-context.ts';
import { registerRoute } from '../http/register-route.ts';
import { enforce } from './admin-guard.ts';
import {
  assertAgencyExists, assertAgencyTeams, countActiveSystemAdmins, listAdminUsers, loadAdminTarget, loadAdminUser, temporaryPassword,
} from './user-admin-queries.ts';

type Trx = Transaction<ServerDatabase>;

/** Audits one successful change to an account, inside its transaction. */
function audited(trx: Trx, ctx: ServerContext, user: AuthUser, request: FastifyRequest, userId: string, details: Record<string, unknown>): Promise<number> {
  return recordAudit(trx, {
    actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip },
    action: 'admin.change', entityType: 'user', entityId: userId, outcome: 'success', details, at: ctx.now(),
  });
}

/** Ends every session of an account now: refresh tokens revoked, access tokens issued before now refused, sockets closed. */
async function endSessions(trx: Trx, userId: string, now: Date): Promise<void> {
  await trx.updateTable('users').set({ sessions_valid_after: now.toISOString() }).where('id', '=', userId).execute();
  await revokeUserTokens(trx, userId, now);
}

/** Registers the user account routes. */
export function registerUserAdminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.listUsers, async ({ query, user, request }) => {
    const agencyId = query.agencyId ?? user.agencyId;
    await enforce(ctx, user, request, mayAdministerAgency(user, agencyId), { change: 'user.list', entityType: 'agency', entityId: agencyId });
    const users = await listAdminUsers(ctx.db, { agencyId });
    await recordListRead(ctx.db, {
      actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip }, list: 'users', entityType: 'agency', entityId: agencyId,
      ids: users.map((u) => u.id), at: ctx.now(),
    });
    return { users };
  });

  registerRoute(app, ctx, routes.createUser, async ({ body, user, request }) => {
    const agencyId = body.agencyId ?? user.agencyId;
    await enforce(ctx, user, request, mayGrantRole(user, agencyId, body.role), { change: 'user.create', entityType: 'agency', entityId: agencyId, details: { role: body.role } });
    await assertAgencyExists(ctx.db, agencyId);
    await assertAgencyTeams(ctx.db, agencyId, body.teamIds);
    const generated = body.password === undefined ? temporaryPassword() : undefined;
    const passwordHash = await hashPassword(body.password ?? generated!);
    const id = newId();
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      const taken = await trx.selectFrom('users').select('id').where('username', '=', body.username).executeTakeFirst();
      if (taken) {
        throw new CodedError('conflict', `The username ${body.username} is already taken; choose another.`);
      }
      await trx.insertInto('users').values({
        id, agency_id: agencyId, username: body.username, display_name: body.displayName, role: body.role, password_hash: passwordHash,
        disabled: 0, created_at: now.toISOString(), totp_secret: null, totp_last_step: null, sessions_valid_after: null, totp_setup_hash: null,
        must_change_password: 1,
      }).execute();
      for (const teamId of new Set(body.teamIds)) {
        await trx.insertInto('user_teams').values({ user_id: id, team_id: teamId }).execute();
      }
      await audited(trx, ctx, user, request, id, { change: 'user.create', userAgencyId: agencyId, role: body.role, teamIds: [...new Set(body.teamIds)] });
    });
    return { user: await loadAdminUser(ctx.db, id), ...(generated === undefined ? {} : { temporaryPassword: generated }) };
  });

  registerRoute(app, ctx, routes.disableUser, async ({ params, user, request }) => {
    const target = await loadAdminTarget(ctx.db, params.id);
    const decision = mayDisableUser(user, target, await countActiveSystemAdmins(ctx.db));
    await enforce(ctx, user, request, decision, { change: 'user.disable', entityType: 'user', entityId: target.id });
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ disabled: 1 }).where('id', '=', target.id).execute();
      await endSessions(trx, target.id, now);
      await audited(trx, ctx, user, request, target.id, { change: 'user.disable', userAgencyId: target.agencyId });
    });
    ctx.sessionEnds.ended({ userId: target.id, reason: 'account disabled' });
    return loadAdminUser(ctx.db, target.id);
  });

  registerRoute(app, ctx, routes.enableUser, async ({ params, user, request }) => {
    const target = await loadAdminTarget(ctx.db, params.id);
    await enforce(ctx, user, request, mayManageUser(user, target), { change: 'user.enable', entityType: 'user', entityId: target.id });
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ disabled: 0 }).where('id', '=', target.id).execute();
      await audited(trx, ctx, user, request, target.id, { change: 'user.enable', userAgencyId: target.agencyId });
    });
    return loadAdminUser(ctx.db, target.id);
  });

  registerRoute(app, ctx, routes.resetUserPassword, async ({ params, body, user, request }) => {
    const target = await loadAdminTarget(ctx.db, params.id);
    await enforce(ctx, user, request, mayManageUser(user, target), { change: 'user.password_reset', entityType: 'user', entityId: target.id });
    const generated = body.password === undefined ? temporaryPassword() : undefined;
    const passwordHash = await hashPassword(body.password ?? generated!);
    const now = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ password_hash: passwordHash, must_change_password: 1 }).where('id', '=', target.id).execute();
      await endSessions(trx, target.id, now);
      await audited(trx, ctx, user, request, target.id, { change: 'user.password_reset', userAgencyId: target.agencyId });
    });
    ctx.sessionEnds.ended({ userId: target.id, reason: 'password reset' });
    return generated === undefined ? {} : { temporaryPassword: generated };
  });

  registerRoute(app, ctx, routes.setUserTeams, async ({ params, body, user, request }) => {
    const target = await loadAdminTarget(ctx.db, params.id);
    await enforce(ctx, user, request, mayManageUser(user, target), { change: 'user.teams', entityType: 'user', entityId: target.id });
    await assertAgencyTeams(ctx.db, target.agencyId, body.teamIds);
    const teamIds = [...new Set(body.teamIds)];
    await ctx.db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('user_teams').select('team_id').where('user_id', '=', target.id).execute();
      await trx.deleteFrom('user_teams').where('user_id', '=', target.id).execute();
      for (const teamId of teamIds) {
        await trx.insertInto('user_teams').values({ user_id: target.id, team_id: teamId }).execute();
      }
      await audited(trx, ctx, user, request, target.id, { change: 'user.teams', userAgencyId: target.agencyId, from: before.map((t) => t.team_id).sort(), to: teamIds.sort() });
    });
    return loadAdminUser(ctx.db, target.id);
  });
}
