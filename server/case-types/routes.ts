/**
 * Case types and system settings, for system administrators (docs/decisions.md). Each change is
 * logged in the change log, so it reaches every desktop at its next pull, and audited as
 * `admin.change` with old → new; a refusal is audited and changes nothing.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { caseTypeCodeFrom, MARAC_CASE_TYPE } from '../../domain/entities/case-type.ts';
import { CodedError } from '../../domain/errors.ts';
import { routes } from '../../domain/http/routes.ts';
import { mayAdministerSystem } from '../../domain/policy/user-admin-policy.ts';
import { enforce } from '../admin/admin-guard.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAudit, recordAuditNow } from '../audit/record-audit.ts';
import { recordChange } from '../changes/record-change.ts';
import { ensureDefaultCaseTypes } from '../cases/case-types.ts';
import type { ServerContext } from '../context/server-context.ts';
import { withWrite } from '../db/write.ts';
import { registerRoute } from '../http/register-route.ts';
import { adminCaseType, assertLabelFree, freeCode, listAdminCaseTypes } from './queries.ts';
import { readSystemSettings, writeTaskEscalationDays } from '../settings/system-settings.ts';

const actorOf = (user: AuthUser, request: FastifyRequest) => ({ userId: user.id, agencyId: user.agencyId, ip: request.ip });

/** Runs a change; a typed refusal (a name taken, a type that cannot be retired) is audited as denied and changes nothing. */
async function auditRefusal<T>(
  ctx: ServerContext, user: AuthUser, request: FastifyRequest, attempt: { change: string; entityId: string | null; details: Record<string, unknown> },
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CodedError) {
      await recordAuditNow(ctx.db, {
        actor: actorOf(user, request), action: 'admin.change', entityType: 'case_type', entityId: attempt.entityId, outcome: 'denied', at: ctx.now(),
        details: { change: attempt.change, reason: error.code, ...attempt.details },
      });
    }
    throw error;
  }
}

/** Registers the case type and system setting routes. */
export function registerCaseTypeRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.listCaseTypes, async ({ user, request }) => {
    await enforce(ctx, user, request, mayAdministerSystem(user), { change: 'case_type.list', entityType: 'case_type', entityId: null });
    // A read: the defaults are filled in if missing, with no poke to desktops.
    await ctx.db.transaction().execute((trx) => ensureDefaultCaseTypes(trx));
    return { caseTypes: await listAdminCaseTypes(ctx.db) };
  });

  registerRoute(app, ctx, routes.createCaseType, async ({ body, user, request }) => {
    await enforce(ctx, user, request, mayAdministerSystem(user), { change: 'case_type.create', entityType: 'case_type', entityId: null, details: { label: body.label } });
    const at = ctx.now();
    const code = await auditRefusal(ctx, user, request, { change: 'case_type.create', entityId: null, details: { label: body.label } }, () => withWrite(ctx, async (trx) => {
      await ensureDefaultCaseTypes(trx);
      await assertLabelFree(trx, body.label);
      const fresh = await freeCode(trx, caseTypeCodeFrom(body.label));
      // A new type starts with the default retention rule (6 years), like the defaults did.
      await trx.insertInto('case_types').values({ code: fresh, label: body.label, active: 1, retention_years: 6 }).execute();
      await recordChange(trx, { entity: 'case_type', entityId: fresh, op: 'upsert', at: at.toISOString() });
      await recordAudit(trx, {
        actor: actorOf(user, request), action: 'admin.change', entityType: 'case_type', entityId: fresh, outcome: 'success', at,
        details: { change: 'case_type.create', new: { label: body.label, active: true } },
      });
      return fresh;
    }));
    return adminCaseType(ctx.db, code);
  });

  registerRoute(app, ctx, routes.updateCaseType, async ({ params, body, user, request }) => {
    await enforce(ctx, user, request, mayAdministerSystem(user), { change: 'case_type.update', entityType: 'case_type', entityId: params.code });
    const at = ctx.now();
    const attempt = { change: 'case_type.update', entityId: params.code, details: { ...body } };
    await auditRefusal(ctx, user, request, attempt, () => withWrite(ctx, async (trx) => {
      const before = await adminCaseType(trx, params.code);
      const label = body.label ?? before.label;
      const active = body.active ?? before.active;
      if (!active && params.code === MARAC_CASE_TYPE) {
        throw new CodedError('validation_error', 'MARAC referrals open cases of this type, so it cannot be retired. It can be renamed.');
      }
      if (label !== before.label) {
        await assertLabelFree(trx, label, params.code);
      }
      await trx.updateTable('case_types').set({ label, active: active ? 1 : 0 }).where('code', '=', params.code).execute();
      await recordChange(trx, { entity: 'case_type', entityId: params.code, op: 'upsert', at: at.toISOString() });
      await recordAudit(trx, {
        actor: actorOf(user, request), action: 'admin.change', entityType: 'case_type', entityId: params.code, outcome: 'success', at,
        details: { change: 'case_type.update', old: { label: before.label, active: before.active }, new: { label, active } },
      });
    }));
    return adminCaseType(ctx.db, params.code);
  });

  registerRoute(app, ctx, routes.getSystemSettings, async ({ user, request }) => {
    await enforce(ctx, user, request, mayAdministerSystem(user), { change: 'setting.list', entityType: 'setting', entityId: null });
    return readSystemSettings(ctx.db);
  });

  registerRoute(app, ctx, routes.setTaskEscalationDays, async ({ body, user, request }) => {
    await enforce(ctx, user, request, mayAdministerSystem(user), {
      change: 'setting.task_escalation_days', entityType: 'setting', entityId: 'task_escalation_days', details: { days: body.days },
    });
    const at = ctx.now();
    return withWrite(ctx, async (trx) => {
      const before = await readSystemSettings(trx);
      const after = await writeTaskEscalationDays(trx, body.days, user.id, at.toISOString());
      await recordChange(trx, { entity: 'setting', entityId: 'task_escalation_days', op: 'upsert', at: at.toISOString() });
      await recordAudit(trx, {
        actor: actorOf(user, request), action: 'admin.change', entityType: 'setting', entityId: 'task_escalation_days', outcome: 'success', at,
        details: { change: 'setting.task_escalation_days', old: { days: before.taskEscalationDays }, new: { days: after.taskEscalationDays } },
      });
      return after;
    });
  });
}
