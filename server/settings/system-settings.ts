/** Reads and sets the system settings (docs/decisions.md): stored as JSON, parsed by the domain's schemas. */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { DEFAULT_SYSTEM_SETTINGS, TaskEscalationDaysSchema, type SystemSettings } from '../../domain/entities/system-setting.ts';

const ESCALATION_KEY = 'task_escalation_days';

/** The settings now; the defaults where a system admin never set one. */
export async function readSystemSettings(db: Kysely<ServerDatabase> | Transaction<ServerDatabase>): Promise<SystemSettings> {
  const row = await db.selectFrom('system_settings').select(['value', 'version']).where('key', '=', ESCALATION_KEY).executeTakeFirst();
  if (!row) {
    return DEFAULT_SYSTEM_SETTINGS;
  }
  const days = TaskEscalationDaysSchema.safeParse(JSON.parse(row.value));
  return days.success ? { taskEscalationDays: days.data, version: Number(row.version) } : DEFAULT_SYSTEM_SETTINGS;
}

/** Stores the escalation days with the next version; the caller logs the change and audits it. */
export async function writeTaskEscalationDays(trx: Transaction<ServerDatabase>, days: number, userId: string, at: string): Promise<SystemSettings> {
  const current = await readSystemSettings(trx);
  const version = current.version + 1;
  const value = JSON.stringify(days);
  await trx.insertInto('system_settings').values({ key: ESCALATION_KEY, value, version, set_by: userId, set_at: at })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value, version, set_by: userId, set_at: at })).execute();
  return { taskEscalationDays: days, version };
}
