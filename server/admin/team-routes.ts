/** Teams of an agency: list and create (docs/access.md, "Administration"). */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { newId } from '../../domain/ids.ts';
import { mayAdministerAgency } from '../../domain/policy/user-admin-policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import type { ServerContext } from '../context/server-context.ts';
import { registerRoute } from '../http/register-route.ts';
import { enforce } from './admin-guard.ts';
import { assertAgencyExists, listTeams } from './user-admin-queries.ts';

/** Registers the team routes. */
export function registerTeamRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.listTeams, async ({ query, user, request }) => {
    const agencyId = query.agencyId ?? user.agencyId;
    await enforce(ctx, user, request, mayAdministerAgency(user, agencyId), { change: 'team.list', entityType: 'agency', entityId: agencyId });
    return { teams: await listTeams(ctx.db, agencyId) };
  });

  registerRoute(app, ctx, routes.createTeam, async ({ body, user, request }) => {
    const agencyId = body.agencyId ?? user.agencyId;
    await enforce(ctx, user, request, mayAdministerAgency(user, agencyId), { change: 'team.create', entityType: 'agency', entityId: agencyId });
    await assertAgencyExists(ctx.db, agencyId);
    const id = newId();
    await ctx.db.transaction().execute(async (trx) => {
      const same = await trx.selectFrom('teams').select('id').where('agency_id', '=', agencyId).where('name', '=', body.name).executeTakeFirst();
      if (same) {
        throw new CodedError('conflict', `This agency already has a team called ${body.name}.`);
      }
      await trx.insertInto('teams').values({ id, agency_id: agencyId, name: body.name }).execute();
      await recordAudit(trx, {
        actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip },
        action: 'admin.change', entityType: 'team', entityId: id, outcome: 'success', details: { change: 'team.create', teamAgencyId: agencyId }, at: ctx.now(),
      });
    });
    return { id, agencyId, name: body.name, memberCount: 0 };
  });
}
