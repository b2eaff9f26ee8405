/** Registers the data return routes declared in domain/http/marac-data-return-routes.ts (docs/marac.md). */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { maracDataReturnRoutes as routes } from '../../../domain/http/marac-data-return-routes.ts';
import { computeDataReturn } from '../../../domain/marac/data-return.ts';
import type { DataReturnFormat, DataReturnRecord } from '../../../domain/marac/data-return-record.ts';
import { recordAuditNow } from '../../audit/record-audit.ts';
import { writeContextOf, type WriteContext } from '../../changes/write-context.ts';
import type { ServerContext } from '../../context/server-context.ts';
import { registerRoute } from '../../http/register-route.ts';
import { refusalsAudited } from '../meetings/refusals-audited.ts';
import { buildReturnFile } from './return-file.ts';
import { loadReferralFacts } from './return-facts.ts';
import { meetingScope, quarterScope, type ReturnScope } from './return-scope.ts';

/** The audit entity of a data return. */
export const DATA_RETURN_ENTITY = 'marac_data_return';

/** Registers the data return routes. */
export function registerMaracDataReturnRoutes(app: FastifyInstance, ctx: ServerContext): void {
  /** The return of the scope `load` finds (refusals audited as denied), its reading or export audited. */
  const answer = async (
    w: WriteContext, request: FastifyRequest, suppressUnder5: boolean, format: DataReturnFormat | null, load: () => Promise<ReturnScope>,
  ) => {
    const action = format === null ? 'record.list' : 'export.create';
    const scope = await refusalsAudited(ctx, w, request, { action, entityType: DATA_RETURN_ENTITY, entityId: null }, load);
    const record: DataReturnRecord = {
      area: scope.area, period: scope.period, suppressUnder5,
      figures: computeDataReturn(await loadReferralFacts(ctx.db, scope.referralIds), { suppressUnder5 }),
    };
    const file = format === null ? null : await buildReturnFile(record, format);
    await recordAuditNow(ctx.db, {
      actor: w.actor, action, entityType: DATA_RETURN_ENTITY, outcome: 'success', at: w.now,
      details: {
        maracAreaId: scope.area.id, period: scope.period, suppressUnder5, referralIds: scope.referralIds,
        ...(file === null ? {} : { format, fileName: file.fileName, sha256: file.sha256 }),
      },
    });
    return { record, file };
  };

  registerRoute(app, ctx, routes.getMaracQuarterReturn, async ({ user, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    return (await answer(w, request, query.suppressUnder5, null, () => quarterScope(ctx.db, user, query.areaId, query.quarter))).record;
  });

  registerRoute(app, ctx, routes.getMaracQuarterReturnFile, async ({ user, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    return (await answer(w, request, query.suppressUnder5, query.format, () => quarterScope(ctx.db, user, query.areaId, query.quarter))).file!;
  });

  registerRoute(app, ctx, routes.getMaracMeetingReturn, async ({ user, params, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    return (await answer(w, request, query.suppressUnder5, null, () => meetingScope(ctx.db, user, params.id))).record;
  });

  registerRoute(app, ctx, routes.getMaracMeetingReturnFile, async ({ user, params, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    return (await answer(w, request, query.suppressUnder5, query.format, () => meetingScope(ctx.db, user, params.id))).file!;
  });
}
