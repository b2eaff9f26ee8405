/**
 * Agencies and sharing agreements, for system administrators (docs/access.md, "Administration").
 * A new agency reaches every desktop through the change log like any record; agreements are read
 * by the server whenever someone chooses who to share with, so a change applies to the next choice
 * and never undoes a share already made.
 */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { newId } from '../../domain/ids.ts';
import { mayAdministerAgencies } from '../../domain/policy/user-admin-policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordChange } from '../changes/record-change.ts';
import type { ServerContext } from '../context/server-context.ts';
import { registerRoute } from '../http/register-route.ts';
import { enforce } from './admin-guard.ts';
import { adminAgency, listAdminAgencies } from './agency-queries.ts';

/** Registers the agency routes. */
export function registerAgencyRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.listAgencies, async ({ user, request }) => {
    await enforce(ctx, user, request, mayAdministerAgencies(user), { change: 'agency.list', entityType: 'agency', entityId: null });
    return { agencies: await listAdminAgencies(ctx.db) };
  });

  registerRoute(app, ctx, routes.createAgency, async ({ body, user, request }) => {
    await enforce(ctx, user, request, mayAdministerAgencies(user), { change: 'agency.create', entityType: 'agency', entityId: null, details: { code: body.code } });
    const id = newId();
    const at = ctx.now();
    await ctx.db.transaction().execute(async (trx) => {
      const same = await trx.selectFrom('agencies').select('code').where((eb) => eb.or([eb('code', '=', body.code), eb('name', '=', body.name)])).executeTakeFirst();
      if (same) {
        throw new CodedError('conflict', same.code === body.code ? `The code ${body.code} is already used by another agency.` : `There is already an agency called ${body.name}.`);
      }
      // Restricted from the start: a new agency shares with nobody until its agreements are set.
      await trx.insertInto('agencies').values({
        id, name: body.name, kind: body.kind, code: body.code, created_at: at.toISOString(), sharing_restricted: 1,
        seq: await recordChange(trx, { entity: 'agency', entityId: id, op: 'upsert', at: at.toISOString() }),
      }).execute();
      await recordAudit(trx, {
        actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip }, action: 'admin.change', entityType: 'agency', entityId: id,
        outcome: 'success', details: { change: 'agency.create', code: body.code, kind: body.kind }, at,
      });
    });
    return adminAgency(ctx.db, id);
  });

  registerRoute(app, ctx, routes.setSharingAgreements, async ({ params, body, user, request }) => {
    await enforce(ctx, user, request, mayAdministerAgencies(user), { change: 'agency.sharing_agreements', entityType: 'agency', entityId: params.id });
    const partners = [...new Set(body.partnerAgencyIds)].sort();
    if (partners.includes(params.id)) {
      throw new CodedError('validation_error', 'An agency always shares with itself: leave it out of its partners.');
    }
    await ctx.db.transaction().execute(async (trx) => {
      const before = await adminAgency(trx, params.id);
      if (partners.length > 0) {
        const known = await trx.selectFrom('agencies').select('id').where('id', 'in', partners).execute();
        if (known.length !== partners.length) {
          throw new CodedError('validation_error', 'Invalid body at partnerAgencyIds: unknown agency.');
        }
      }
      await trx.updateTable('agencies').set({ sharing_restricted: body.sharingRestricted ? 1 : 0 }).where('id', '=', params.id).execute();
      await trx.deleteFrom('sharing_agreements').where('agency_id', '=', params.id).execute();
      if (partners.length > 0) {
        await trx.insertInto('sharing_agreements').values(partners.map((p) => ({ agency_id: params.id, partner_agency_id: p }))).execute();
      }
      await recordAudit(trx, {
        actor: { userId: user.id, agencyId: user.agencyId, ip: request.ip }, action: 'admin.change', entityType: 'agency', entityId: params.id,
        outcome: 'success', at: ctx.now(),
        details: {
          change: 'agency.sharing_agreements',
          old: { sharingRestricted: before.sharingRestricted, partnerAgencyIds: before.partnerAgencyIds },
          new: { sharingRestricted: body.sharingRestricted, partnerAgencyIds: partners },
        },
      });
    });
    return adminAgency(ctx.db, params.id);
  });
}
