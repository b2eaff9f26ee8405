/** Registers the subject access request routes declared in domain/http/sar-routes.ts (docs/audit.md). */
import type { FastifyInstance } from 'fastify';
import type { SarConsultationTable, SarRequestTable } from '../../db/server/schema.ts';
import type { SarPart } from '../../domain/entities/sar.ts';
import { sarRoutes } from '../../domain/http/sar-routes.ts';
import { mayAnswerConsultation } from '../../domain/policy/sar-policy.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { isoOf, writeContextOf, type WriteContext } from '../changes/write-context.ts';
import type { ServerContext } from '../context/server-context.ts';
import { registerRoute } from '../http/register-route.ts';
import { releasePart, withholdPart } from './answer-consultation.ts';
import { createSar } from './create-sar.ts';
import { closeSar, extendSar } from './extend-sar.ts';
import { generateSarBundle } from './generate-bundle.ts';
import { openListedMissingConsultations } from './listed-missing-consultations.ts';
import { openMissingConsultations } from './open-missing-consultations.ts';
import { loadHoldings } from './sar-holdings.ts';
import { ownPartOf, partOf, undecidedPart } from './sar-part.ts';
import { searchSarPersons } from './search-sar-persons.ts';
import { toConsultationSummaries, toSarDetail, toSarSummaries } from './sar-records.ts';
import { NO_SUCH_CONSULTATION, NO_SUCH_SAR, refuse, requireDataOfficer, type RefusalTarget } from './sar-guard.ts';

const today = (w: WriteContext) => isoOf(w).slice(0, 10);

/** Registers the SAR routes. */
export function registerSarRoutes(app: FastifyInstance, ctx: ServerContext): void {
  /** The caller's agency's request, or a recorded refusal. */
  async function ownSar(w: WriteContext, id: string, action: RefusalTarget['action']): Promise<SarRequestTable> {
    const target = { action, entityType: 'sar_request' as const, entityId: id };
    await requireDataOfficer(ctx, w, target);
    const row = await ctx.db.selectFrom('sar_requests').selectAll().where('id', '=', id).where('agency_id', '=', w.user.agencyId).executeTakeFirst();
    return row ?? refuse(ctx, w, target, 'not_found', NO_SUCH_SAR);
  }

  /** A consultation addressed to the caller's agency, or a recorded refusal (the receiving agency gets not_found too). */
  async function ownConsultation(w: WriteContext, id: string, action: RefusalTarget['action']): Promise<SarConsultationTable> {
    const target = { action, entityType: 'sar_consultation' as const, entityId: id };
    await requireDataOfficer(ctx, w, target);
    const row = await ctx.db.selectFrom('sar_consultations').selectAll().where('id', '=', id).where('owner_agency_id', '=', w.user.agencyId).executeTakeFirst();
    return row && mayAnswerConsultation(w.user, row.owner_agency_id) ? row : refuse(ctx, w, target, 'not_found', NO_SUCH_CONSULTATION);
  }

  async function consultationDetail(w: WriteContext, c: SarConsultationTable, part: SarPart | null) {
    const [summary] = await toConsultationSummaries(ctx.db, [c], today(w));
    return { ...summary!, part };
  }

  registerRoute(app, ctx, sarRoutes.listSars, async ({ user, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    await requireDataOfficer(ctx, w, { action: 'record.list', entityType: 'sar_request', entityId: null });
    const rows = await ctx.db.selectFrom('sar_requests').selectAll().where('agency_id', '=', user.agencyId).where('status', '=', query.status)
      .orderBy('due_on').orderBy('received_on').orderBy('id').limit(500).execute();
    // Late consultations show in the list too, not only once a request is opened.
    await openListedMissingConsultations(ctx, w, rows);
    const sars = (await toSarSummaries(ctx.db, rows, today(w))).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference));
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.list', entityType: 'sar_request', outcome: 'success', at: w.now,
      details: { list: 'sar_requests', status: query.status, ids: rows.map((r) => r.id), count: rows.length },
    });
    return { sars };
  });

  registerRoute(app, ctx, sarRoutes.searchSarPersons, async ({ user, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    await requireDataOfficer(ctx, w, { action: 'record.search', entityType: 'sar_request', entityId: null });
    const persons = await searchSarPersons(ctx.db, user.agencyId, isoOf(w), query.q);
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.search', entityType: 'person', outcome: 'success', at: w.now,
      details: { terms: { q: query.q }, purpose: 'sar', returned: persons.map((p) => p.id) },
    });
    return { persons };
  });

  registerRoute(app, ctx, sarRoutes.createSar, async ({ user, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    await requireDataOfficer(ctx, w, { action: 'sar.create', entityType: 'sar_request', entityId: null });
    const id = await createSar(ctx, w, body);
    const row = await ctx.db.selectFrom('sar_requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toSarDetail(ctx.db, row, today(w));
  });

  registerRoute(app, ctx, sarRoutes.getSar, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const row = await ownSar(w, params.id, 'record.view');
    // Records about the person from an agency not yet consulted open its consultation now.
    await openMissingConsultations(ctx, w, row);
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.view', entityType: 'sar_request', entityId: row.id, outcome: 'success', at: w.now, subject: { personId: row.person_id },
    });
    return toSarDetail(ctx.db, row, today(w));
  });

  registerRoute(app, ctx, sarRoutes.extendSar, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    const row = await ownSar(w, params.id, 'sar.extend');
    await extendSar(ctx, w, row, body);
    const fresh = await ctx.db.selectFrom('sar_requests').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    return toSarDetail(ctx.db, fresh, today(w));
  });

  registerRoute(app, ctx, sarRoutes.closeSar, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    const row = await ownSar(w, params.id, 'sar.close');
    await closeSar(ctx, w, row, body.expectedVersion);
    const fresh = await ctx.db.selectFrom('sar_requests').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    return toSarDetail(ctx.db, fresh, today(w));
  });

  registerRoute(app, ctx, sarRoutes.getSarOwnPart, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const row = await ownSar(w, params.id, 'record.view');
    await openMissingConsultations(ctx, w, row);
    const part = await ownPartOf(ctx.db, row, isoOf(w));
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.view', entityType: 'sar_request', entityId: row.id, outcome: 'success', at: w.now,
      details: { part: 'own', records: part.items.map((i) => ({ type: i.type, id: i.id })) }, subject: { personId: row.person_id },
    });
    return part;
  });

  registerRoute(app, ctx, sarRoutes.generateSarBundle, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    const row = await ownSar(w, params.id, 'export.create');
    return generateSarBundle(ctx, w, row, body);
  });

  registerRoute(app, ctx, sarRoutes.listSarConsultations, async ({ user, request }) => {
    const w = writeContextOf(ctx, user, request);
    await requireDataOfficer(ctx, w, { action: 'record.list', entityType: 'sar_consultation', entityId: null });
    const rows = await ctx.db.selectFrom('sar_consultations').selectAll().where('owner_agency_id', '=', user.agencyId)
      .orderBy('created_at', 'desc').orderBy('id').limit(500).execute();
    const consultations = (await toConsultationSummaries(ctx.db, rows, today(w)))
      .sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending') || a.dueOn.localeCompare(b.dueOn));
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.list', entityType: 'sar_consultation', outcome: 'success', at: w.now,
      details: { list: 'sar_consultations', ids: rows.map((r) => r.id), count: rows.length }, subject: { personId: null, ownerAgencyIds: [] },
    });
    return { consultations };
  });

  registerRoute(app, ctx, sarRoutes.getSarConsultation, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const c = await ownConsultation(w, params.id, 'record.view');
    let part: SarPart | null = null;
    if (c.status === 'pending') {
      const sar = await ctx.db.selectFrom('sar_requests').selectAll().where('id', '=', c.sar_id).executeTakeFirstOrThrow();
      const raw = partOf(await loadHoldings(ctx.db, sar.agency_id, sar.person_id, isoOf(w)), c.owner_agency_id);
      const agency = await ctx.db.selectFrom('agencies').select(['id', 'name']).where('id', '=', c.owner_agency_id).executeTakeFirstOrThrow();
      part = undecidedPart(agency, raw);
    } else if (c.status === 'released') {
      part = JSON.parse(c.released_part!) as SarPart;
    }
    // The owner's trail only: what the owner read to decide is not the receiving agency's to see.
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.view', entityType: 'sar_consultation', entityId: c.id, outcome: 'success', at: w.now,
      details: { sarId: c.sar_id, records: part?.items.map((i) => ({ type: i.type, id: i.id })) ?? [] }, subject: { personId: null, ownerAgencyIds: [] },
    });
    return consultationDetail(w, c, part);
  });

  registerRoute(app, ctx, sarRoutes.releaseSarPart, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    const c = await ownConsultation(w, params.id, 'sar.part_release');
    const part = await releasePart(ctx, w, c, body);
    const fresh = await ctx.db.selectFrom('sar_consultations').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    return consultationDetail(w, fresh, part);
  });

  registerRoute(app, ctx, sarRoutes.withholdSarPart, async ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    const c = await ownConsultation(w, params.id, 'sar.part_withhold');
    await withholdPart(ctx, w, c, body.exemption, body.reason);
    const fresh = await ctx.db.selectFrom('sar_consultations').selectAll().where('id', '=', c.id).executeTakeFirstOrThrow();
    return consultationDetail(w, fresh, null);
  });
}
