/** Registers the MARAC meeting routes declared in domain/http/marac-meeting-routes.ts (docs/marac.md). */
import type { FastifyInstance } from 'fastify';
import { maracMeetingRoutes as routes } from '../../../domain/http/marac-meeting-routes.ts';
import { ukDateOf } from '../../../domain/marac/calendar-dates.ts';
import { canSeeCase } from '../../../domain/policy/case-policy.ts';
import { runsMeeting, seesMeeting } from '../../../domain/policy/marac-meeting-policy.ts';
import { canSeeTask } from '../../../domain/policy/task-policy.ts';
import { CodedError } from '../../../domain/errors.ts';
import { recordAuditNow } from '../../audit/record-audit.ts';
import { loadCaseShares, policyOf } from '../../cases/case-policy-loader.ts';
import { isoOf, writeContextOf, type WriteContext } from '../../changes/write-context.ts';
import type { ServerContext } from '../../context/server-context.ts';
import { withWrite } from '../../db/write.ts';
import { registerRoute } from '../../http/register-route.ts';
import { createPackWorkerClient } from '../pack/pack-worker-client.ts';
import { addAction, addResearch, setMinutes } from './meeting-records.ts';
import { loadActionRows } from './meeting-actions-query.ts';
import { addAgendaItem, orderAgenda, scheduleMeeting } from './meeting-agenda.ts';
import { acknowledge, addAttendee, attendeeCandidates } from './meeting-attendees.ts';
import { loadMeeting, loadRunMeeting, loadVisibleMeeting, MEETING_ENTITY } from './meeting-loader.ts';
import { generateAttendeePack } from './meeting-pack-route.ts';
import { meetingView } from './meeting-view.ts';
import { refusalsAudited } from './refusals-audited.ts';

/** Registers the meeting routes; the pack worker stops when the server closes. */
export function registerMaracMeetingRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const packs = createPackWorkerClient();
  app.addHook('onClose', () => packs.close());

  /** The meeting as the caller now sees it, after a write. */
  const viewAfter = async (w: WriteContext, id: string) => meetingView(ctx.db, (await loadMeeting(ctx.db, id))!, w.user, w.now);

  registerRoute(app, ctx, routes.scheduleMaracMeeting, async ({ user, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    const id = await refusalsAudited(ctx, w, request, { action: 'record.create', entityType: MEETING_ENTITY, entityId: null },
      () => withWrite(ctx, (trx) => scheduleMeeting(trx, w, body)));
    return viewAfter(w, id);
  });

  registerRoute(app, ctx, routes.listMaracMeetings, async ({ user, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    const rows = await ctx.db.selectFrom('marac_meetings as m').innerJoin('marac_areas as a', 'a.id', 'm.marac_area_id')
      .innerJoin('agencies as g', 'g.id', 'a.coordinator_agency_id').innerJoin('users as u', 'u.id', 'm.coordinator_user_id')
      .select(['m.id', 'm.meeting_date', 'm.chair', 'm.marac_area_id', 'a.name as area_name', 'a.coordinator_agency_id', 'g.name as agency_name',
        'u.id as coordinator_id', 'u.display_name'])
      .where((eb) => eb.or([
        eb('a.coordinator_agency_id', '=', user.agencyId),
        eb.exists(eb.selectFrom('marac_attendees as t').select('t.id').whereRef('t.meeting_id', '=', 'm.id').where('t.agency_id', '=', user.agencyId)),
      ]))
      .$if(query.maracAreaId !== undefined, (qb) => qb.where('m.marac_area_id', '=', query.maracAreaId!))
      .orderBy('m.meeting_date', 'desc').limit(200).execute();
    // The SQL narrows; the policy decides (a role that reads no cases sees no meeting).
    const meetings = rows.filter((r) => seesMeeting(user, {
      coordinatorAgencyId: r.coordinator_agency_id, date: r.meeting_date, attendeeAgencyIds: r.coordinator_agency_id === user.agencyId ? [] : [user.agencyId],
    }));
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.search', entityType: MEETING_ENTITY, outcome: 'success', at: w.now,
      details: { terms: { maracAreaId: query.maracAreaId ?? null }, results: meetings.length },
    });
    return {
      meetings: meetings.map((r) => ({
        id: r.id, maracArea: { id: r.marac_area_id, name: r.area_name }, coordinatorAgency: { id: r.coordinator_agency_id, name: r.agency_name },
        date: r.meeting_date, chair: r.chair, coordinator: { id: r.coordinator_id, displayName: r.display_name },
      })),
    };
  });

  registerRoute(app, ctx, routes.getMaracMeeting, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const meeting = await refusalsAudited(ctx, w, request, { action: 'record.view', entityType: MEETING_ENTITY, entityId: params.id },
      () => loadVisibleMeeting(ctx.db, params.id, user));
    const view = await meetingView(ctx.db, meeting, user, w.now);
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.view', entityType: MEETING_ENTITY, entityId: meeting.row.id, outcome: 'success', at: w.now,
      details: { caseIds: view.agenda.map((i) => i.caseId), researchIds: view.agenda.flatMap((i) => i.research.map((r) => r.id)) },
    });
    return view;
  });

  /** A coordinator's write on the meeting, refusals audited. */
  const runWrite = async <T>(w: WriteContext, request: Parameters<typeof refusalsAudited>[2], id: string, work: (trx: Parameters<Parameters<typeof withWrite>[1]>[0], m: Awaited<ReturnType<typeof loadRunMeeting>>) => Promise<T>) => {
    await refusalsAudited(ctx, w, request, { action: 'record.update', entityType: MEETING_ENTITY, entityId: id },
      () => withWrite(ctx, async (trx) => work(trx, await loadRunMeeting(trx, id, w.user))));
    return viewAfter(w, id);
  };

  registerRoute(app, ctx, routes.addMaracAgendaItem, ({ user, params, body, request }) =>
    runWrite(writeContextOf(ctx, user, request), request, params.id, (trx, m) => addAgendaItem(trx, writeContextOf(ctx, user, request), m, body)));

  registerRoute(app, ctx, routes.orderMaracAgenda, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return runWrite(w, request, params.id, (trx, m) => orderAgenda(trx, w, m, body));
  });

  registerRoute(app, ctx, routes.addMaracAttendee, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return runWrite(w, request, params.id, (trx, m) => addAttendee(trx, w, m, body.userId));
  });

  registerRoute(app, ctx, routes.listMaracAttendeeCandidates, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const meeting = await refusalsAudited(ctx, w, request, { action: 'record.search', entityType: MEETING_ENTITY, entityId: params.id },
      () => loadRunMeeting(ctx.db, params.id, user));
    const candidates = await attendeeCandidates(ctx.db, meeting.row.id);
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.search', entityType: MEETING_ENTITY, entityId: meeting.row.id, outcome: 'success', at: w.now,
      details: { list: 'attendee_candidates', count: candidates.agencies.reduce((n, a) => n + a.users.length, 0) },
    });
    return candidates;
  });

  registerRoute(app, ctx, routes.setMaracMinutes, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return runWrite(w, request, params.id, (trx, m) => setMinutes(trx, w, m, body));
  });

  registerRoute(app, ctx, routes.addMaracAction, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return runWrite(w, request, params.id, (trx, m) => addAction(trx, w, m, body));
  });

  registerRoute(app, ctx, routes.acknowledgeMaracMeeting, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    await refusalsAudited(ctx, w, request, { action: 'record.update', entityType: MEETING_ENTITY, entityId: params.id },
      () => withWrite(ctx, async (trx) => acknowledge(trx, w, await loadVisibleMeeting(trx, params.id, user))));
    return viewAfter(w, params.id);
  });

  registerRoute(app, ctx, routes.addMaracResearch, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    await refusalsAudited(ctx, w, request, { action: 'record.create', entityType: 'marac_research', entityId: null },
      () => withWrite(ctx, async (trx) => addResearch(trx, w, await loadVisibleMeeting(trx, params.id, user), body)));
    return viewAfter(w, params.id);
  });

  registerRoute(app, ctx, routes.listMaracActions, async ({ user, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    const at = isoOf(w);
    const areas = await ctx.db.selectFrom('marac_areas').select(['id', 'coordinator_agency_id'])
      .$if(query.maracAreaId !== undefined, (qb) => qb.where('id', '=', query.maracAreaId!)).execute();
    const run = areas.filter((a) => runsMeeting(user, { coordinatorAgencyId: a.coordinator_agency_id }));
    if (run.length === 0) {
      await recordAuditNow(ctx.db, {
        actor: w.actor, action: 'record.search', entityType: 'marac_action', outcome: 'denied', at: w.now, details: { terms: { maracAreaId: query.maracAreaId ?? null } },
      });
      throw new CodedError('authorization_error', 'Only MARAC coordinators keep the action tracker of the areas their agency coordinates.');
    }
    const rows = await loadActionRows(ctx.db, run.map((a) => a.id), ukDateOf(w.now));
    const caseIds = [...new Set(rows.map((r) => r.action.caseId))];
    const caseRows = caseIds.length === 0 ? [] : await ctx.db.selectFrom('cases').selectAll().where('id', 'in', caseIds).execute();
    const shares = await loadCaseShares(ctx.db, caseIds, user.id);
    const policies = new Map(caseRows.map((c) => [c.id, policyOf(c, shares)]));
    const actions = rows.filter((r) => {
      const c = policies.get(r.action.caseId)!;
      return canSeeCase(user, c, at) && canSeeTask(user, { assigneeAgencyId: r.action.ownerAgency.id, assigneeTeamId: r.assigneeTeamId, assigneeUserId: r.assigneeUserId }, c, at);
    }).map((r) => r.action).filter((a) => !query.open || a.status === 'open' || a.status === 'in_progress');
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.search', entityType: 'marac_action', outcome: 'success', at: w.now,
      details: { terms: { maracAreaId: query.maracAreaId ?? null, open: query.open }, results: actions.length, taskIds: actions.map((a) => a.taskId) },
    });
    return { actions };
  });

  registerRoute(app, ctx, routes.generateMaracPack, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    const meeting = await refusalsAudited(ctx, w, request, { action: 'export.create', entityType: MEETING_ENTITY, entityId: params.id },
      () => loadRunMeeting(ctx.db, params.id, user));
    return generateAttendeePack(ctx.db, w, meeting, body.attendeeId, packs);
  });
}
