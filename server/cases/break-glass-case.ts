/**
 * Break-glass (docs/audit.md): a data officer opens a case their agency owns, read-only, with a
 * justification. The view is recorded as `record.break_glass_view` with the justification before it
 * is answered; a refusal is recorded too.
 */
import type { CaseDetail } from '../../domain/entities/case.ts';
import { CodedError } from '../../domain/errors.ts';
import { breakGlassViewer, mayBreakGlass } from '../../domain/policy/audit-policy.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAuditNow, type AuditActor } from '../audit/record-audit.ts';
import type { ServerContext } from '../context/server-context.ts';
import { caseDetailOf } from './case-detail.ts';
import { loadCase } from './case-policy-loader.ts';

const NO_ABILITIES = {
  read: true, update: false, share: false, close: false, transfer: false, add_report: false, add_task: false, add_document: false, link: false,
};

/** The case as its owner agency's managers see it, with no abilities beyond reading; refused unless `mayBreakGlass`. */
export async function breakGlassCase(ctx: ServerContext, user: AuthUser, actor: AuditActor, caseId: string, justification: string): Promise<CaseDetail> {
  const now = ctx.now();
  const at = now.toISOString();
  const loaded = await loadCase(ctx.db, caseId, user);
  const event = { actor, action: 'record.break_glass_view' as const, entityType: 'case', entityId: caseId, justification, at: now };
  if (!loaded || !mayBreakGlass(user, loaded.row.owner_agency_id)) {
    await recordAuditNow(ctx.db, { ...event, outcome: 'denied' });
    // Another agency's case or no case at all: the same answer, so ids are not confirmed.
    throw new CodedError(user.role === 'data_officer' ? 'not_found' : 'authorization_error',
      user.role === 'data_officer' ? 'No such case owned by your agency.' : 'Only a data officer may open a case through break-glass.');
  }
  const teams = await ctx.db.selectFrom('teams').select('id').where('agency_id', '=', user.agencyId).execute();
  const detail = await caseDetailOf(ctx.db, loaded, breakGlassViewer(user, teams.map((t) => t.id)), at);
  // Recorded before it is shown: a view that cannot be recorded is not answered.
  await recordAuditNow(ctx.db, { ...event, outcome: 'success', details: { reference: loaded.row.reference } });
  return { ...detail, abilities: NO_ABILITIES };
}
