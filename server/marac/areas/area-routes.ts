/**
 * MARAC area administration for system administrators (docs/marac.md, "MARAC areas"): add an area,
 * rename it, set its coordinating agency and escalation rule. Each change is `admin.change` with old
 * and new; every refusal (not allowed, unknown area or agency, a name in use) is recorded as denied.
 * A change applies to the next referral, meeting and data return; shares already made stay.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MaracAreaRecord } from '../../../domain/entities/marac-referral.ts';
import { CodedError } from '../../../domain/errors.ts';
import { maracAreaAdminRoutes as routes, type MaracAreaBody } from '../../../domain/http/marac-area-admin-routes.ts';
import { newId } from '../../../domain/ids.ts';
import { mayAdministerMaracAreas } from '../../../domain/policy/user-admin-policy.ts';
import { enforce } from '../../admin/admin-guard.ts';
import { recordAudit, recordAuditNow } from '../../audit/record-audit.ts';
import type { AuthUser } from '../../auth/auth-user.ts';
import type { ServerContext } from '../../context/server-context.ts';
import { registerRoute } from '../../http/register-route.ts';
import { maracArea } from './area-queries.ts';

/** The audited words of an area: ids and numbers, as the body names them. */
const settingsOf = (a: MaracAreaRecord): MaracAreaBody => ({
  name: a.name, coordinatorAgencyId: a.coordinatorAgency.id, escalationIncidents: a.escalationIncidents, escalationMonths: a.escalationMonths,
});

/** Refuses an unknown coordinating agency or a name another area has. */
async function checkBody(db: Kysely<ServerDatabase>, body: MaracAreaBody, areaId: string | null): Promise<void> {
  const agency = await db.selectFrom('agencies').select('id').where('id', '=', body.coordinatorAgencyId).executeTakeFirst();
  if (!agency) {
    throw new CodedError('validation_error', 'Invalid body at coordinatorAgencyId: unknown agency.');
  }
  const same = await db.selectFrom('marac_areas').select('id').where('name', '=', body.name)
    .$if(areaId !== null, (qb) => qb.where('id', '<>', areaId!)).executeTakeFirst();
  if (same) {
    throw new CodedError('conflict', `There is already a MARAC area called ${body.name}.`);
  }
}

/** Registers the area administration routes. */
export function registerMaracAreaRoutes(app: FastifyInstance, ctx: ServerContext): void {
  /** Runs `work` after the policy allows it; any refusal is recorded as denied with its code. */
  const administer = async <T>(user: AuthUser, request: FastifyRequest, change: string, entityId: string | null, work: () => Promise<T>): Promise<T> => {
    await enforce(ctx, user, request, mayAdministerMaracAreas(user), { change, entityType: 'marac_area', entityId });
    try {
      return await work();
    } catch (e) {
      if (e instanceof CodedError) {
        await recordAuditNow(ctx.db, {
          actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip }, action: 'admin.change', entityType: 'marac_area', entityId,
          outcome: 'denied', at: ctx.now(), details: { change, reason: e.code },
        });
      }
      throw e;
    }
  };

  registerRoute(app, ctx, routes.createMaracArea, async ({ user, body, request }) => {
    const id = newId();
    await administer(user, request, 'marac_area.create', null, () => ctx.db.transaction().execute(async (trx) => {
      await checkBody(trx, body, null);
      await trx.insertInto('marac_areas').values({
        id, name: body.name, coordinator_agency_id: body.coordinatorAgencyId,
        escalation_incidents: body.escalationIncidents, escalation_months: body.escalationMonths, created_at: ctx.now().toISOString(),
      }).execute();
      await recordAudit(trx, {
        actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip }, action: 'admin.change', entityType: 'marac_area', entityId: id,
        outcome: 'success', at: ctx.now(), details: { change: 'marac_area.create', old: null, new: body },
      });
    }));
    return maracArea(ctx.db, id);
  });

  registerRoute(app, ctx, routes.updateMaracArea, async ({ user, params, body, request }) => {
    await administer(user, request, 'marac_area.update', params.id, () => ctx.db.transaction().execute(async (trx) => {
      const before = settingsOf(await maracArea(trx, params.id));
      await checkBody(trx, body, params.id);
      await trx.updateTable('marac_areas').set({
        name: body.name, coordinator_agency_id: body.coordinatorAgencyId, escalation_incidents: body.escalationIncidents, escalation_months: body.escalationMonths,
      }).where('id', '=', params.id).execute();
      await recordAudit(trx, {
        actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip }, action: 'admin.change', entityType: 'marac_area', entityId: params.id,
        outcome: 'success', at: ctx.now(), details: { change: 'marac_area.update', old: before, new: body },
      });
    }));
    return maracArea(ctx.db, params.id);
  });
}
