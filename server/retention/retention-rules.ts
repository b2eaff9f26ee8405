/** Lists and sets the retention rule of each case type (system admins set; docs/audit.md). */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { RetentionRule } from '../../domain/entities/retention.ts';
import { CodedError } from '../../domain/errors.ts';
import { maySetRetentionRules } from '../../domain/policy/retention-policy.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { ensureDefaultCaseTypes } from '../cases/case-types.ts';
import type { ServerContext } from '../context/server-context.ts';
import { withWrite } from '../db/write.ts';

/** Every case type with its rule (the case type's own period, version 0, where no rule was set). */
export async function listRetentionRules(db: Kysely<ServerDatabase>): Promise<RetentionRule[]> {
  const rows = await db.selectFrom('case_types as t').leftJoin('retention_rules as r', 'r.case_type', 't.code')
    .select(['t.code', 't.label', 't.retention_years', 'r.review_after_years', 'r.version', 'r.set_at']).orderBy('t.label').execute();
  return rows.map((r) => ({
    caseType: r.code, label: r.label, reviewAfterYears: Number(r.review_after_years ?? r.retention_years),
    version: Number(r.version ?? 0), setAt: r.set_at ?? null,
  }));
}

/** Sets one case type's rule; the change is audited as `admin.change` with old → new years. */
export async function setRetentionRule(ctx: ServerContext, user: AuthUser, actor: AuditActor, caseType: string, years: number): Promise<RetentionRule> {
  if (!maySetRetentionRules(user)) {
    throw new CodedError('authorization_error', 'Only a system administrator may set retention rules.');
  }
  const now = ctx.now();
  const at = now.toISOString();
  await withWrite(ctx, async (trx) => {
    await ensureDefaultCaseTypes(trx);
    const type = await trx.selectFrom('case_types').select('retention_years').where('code', '=', caseType).executeTakeFirst();
    if (!type) {
      throw new CodedError('not_found', 'No such case type.');
    }
    const current = await trx.selectFrom('retention_rules').select(['review_after_years', 'version']).where('case_type', '=', caseType).executeTakeFirst();
    const before = Number(current?.review_after_years ?? type.retention_years);
    const version = Number(current?.version ?? 0) + 1;
    await trx.insertInto('retention_rules').values({ case_type: caseType, review_after_years: years, version, set_by: user.id, set_at: at })
      .onConflict((oc) => oc.column('case_type').doUpdateSet({ review_after_years: years, version, set_by: user.id, set_at: at })).execute();
    // The case type keeps carrying the same period, so older readers of `retention_years` agree.
    await trx.updateTable('case_types').set({ retention_years: years }).where('code', '=', caseType).execute();
    await recordAudit(trx, {
      actor, action: 'admin.change', entityType: 'retention_rule', entityId: caseType, outcome: 'success', at: now,
      details: { changes: { review_after_years: [before, years] }, version },
    });
  });
  const rule = (await listRetentionRules(ctx.db)).find((r) => r.caseType === caseType);
  return rule!;
}
