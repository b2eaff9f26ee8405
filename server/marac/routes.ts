/** Registers the MARAC routes declared in domain/http/marac-routes.ts (docs/marac.md). */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { maracRoutes } from '../../domain/http/marac-routes.ts';
import { keepsReferralList } from '../../domain/policy/marac-referral-policy.ts';
import { dashAssessmentVisibleSql } from '../access/dash-assessment-visibility.ts';
import { maracReferralVisibleSql } from '../access/marac-referral-visibility.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { isoOf, writeContextOf } from '../changes/write-context.ts';
import type { ServerContext } from '../context/server-context.ts';
import { withWrite } from '../db/write.ts';
import { registerRoute } from '../http/register-route.ts';
import { loadFullPerson } from '../persons/person-access.ts';
import { registerMaracAreaRoutes } from './areas/area-routes.ts';
import { listMaracAreas } from './areas/area-queries.ts';
import { DEFAULT_REASSESSMENT_WEEKS, reassessmentDueAfter, toDashAssessmentRecords } from './dash-assessment-record.ts';
import { createDashAssessment } from './dash-assessment-service.ts';
import { toMaracReferralRecords } from './referral-record.ts';
import { createMaracReferral } from './referral-service.ts';

/** Registers the MARAC routes. */
export function registerMaracRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const weeks = ctx.config.dashReassessmentWeeks ?? DEFAULT_REASSESSMENT_WEEKS;

  registerRoute(app, ctx, maracRoutes.createDashAssessment, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    const row = await withWrite(ctx, (trx) => createDashAssessment(trx, w, params.id, body));
    const [record] = await toDashAssessmentRecords(ctx.db, [row], weeks);
    return record!;
  });

  registerRoute(app, ctx, maracRoutes.listDashAssessments, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const at = isoOf(w);
    await loadFullPerson(ctx.db, user, at, params.id);
    const rows = await ctx.db.selectFrom('dash_assessments').selectAll().where('person_id', '=', params.id)
      .where(dashAssessmentVisibleSql(user, at, 'dash_assessments')).orderBy('assessed_at', 'desc').orderBy('id', 'desc').execute();
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.view', entityType: 'dash_assessment', outcome: 'success', at: w.now,
      details: { personId: params.id, assessmentIds: rows.map((r) => r.id) },
    });
    const assessments = await toDashAssessmentRecords(ctx.db, rows, weeks);
    return { assessments, reassessmentDue: rows[0] ? reassessmentDueAfter(rows[0].assessed_at, weeks) : null };
  });

  registerRoute(app, ctx, maracRoutes.listMaracAreas, async () => ({ areas: await listMaracAreas(ctx.db) }));
  registerMaracAreaRoutes(app, ctx);

  registerRoute(app, ctx, maracRoutes.createMaracReferral, async ({ user, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    const id = await withWrite(ctx, (trx) => createMaracReferral(trx, w, body));
    const row = await ctx.db.selectFrom('marac_referrals').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const [record] = await toMaracReferralRecords(ctx.db, [row]);
    return record!;
  });

  registerRoute(app, ctx, maracRoutes.listMaracReferrals, async ({ user, query, request }) => {
    if (!keepsReferralList(user)) {
      throw new CodedError('authorization_error', 'Only MARAC coordinators keep the referral list.');
    }
    const w = writeContextOf(ctx, user, request);
    const rows = await ctx.db.selectFrom('marac_referrals').selectAll('marac_referrals')
      .innerJoin('marac_areas', 'marac_areas.id', 'marac_referrals.marac_area_id')
      .where('marac_areas.coordinator_agency_id', '=', user.agencyId)
      .$if(query.maracAreaId !== undefined, (qb) => qb.where('marac_referrals.marac_area_id', '=', query.maracAreaId!))
      .where(maracReferralVisibleSql(user, isoOf(w), 'marac_referrals'))
      .orderBy('marac_referrals.referred_on', 'desc').orderBy('marac_referrals.created_at', 'desc').limit(query.limit).execute();
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.search', entityType: 'marac_referral', outcome: 'success', at: w.now,
      details: { terms: { maracAreaId: query.maracAreaId ?? null }, results: rows.length },
    });
    return { referrals: await toMaracReferralRecords(ctx.db, rows) };
  });

  registerRoute(app, ctx, maracRoutes.getMaracReferral, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const row = await ctx.db.selectFrom('marac_referrals').selectAll().where('id', '=', params.id)
      .where(maracReferralVisibleSql(user, isoOf(w), 'marac_referrals')).executeTakeFirst();
    if (!row) {
      throw new CodedError('not_found', 'No such referral.');
    }
    await recordAuditNow(ctx.db, { actor: w.actor, action: 'record.view', entityType: 'marac_referral', entityId: row.id, outcome: 'success', at: w.now });
    const [record] = await toMaracReferralRecords(ctx.db, [row]);
    return record!;
  });
}
