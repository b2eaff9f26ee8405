/** The task escalation days from the offline copy (a system setting the server syncs; docs/decisions.md). */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { TaskEscalationDaysSchema } from '../../domain/entities/system-setting.ts';
import { TASK_ESCALATION_DAYS } from '../../domain/policy/task-escalation.ts';

/** The synced value, or the default before the first sync brings it (or if it is unreadable). */
export async function escalationDays(db: Kysely<CacheDatabase>): Promise<number> {
  const row = await db.selectFrom('settings').select('value').where('id', '=', 'task_escalation_days').executeTakeFirst();
  if (!row) {
    return TASK_ESCALATION_DAYS;
  }
  try {
    const parsed = TaskEscalationDaysSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : TASK_ESCALATION_DAYS;
  } catch {
    return TASK_ESCALATION_DAYS;
  }
}
