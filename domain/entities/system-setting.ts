/**
 * System-wide settings a system admin changes (docs/decisions.md, "Task escalation days are a
 * system setting"). Each reaches desktops through sync, so offline derivations agree with the server.
 */
import { z } from 'zod';
import { TASK_ESCALATION_DAYS } from '../policy/task-escalation.ts';

/** Days a task may be overdue before it escalates: a whole number from 1 to 30. */
export const TaskEscalationDaysSchema = z.number().int().min(1, 'at least 1 day').max(30, 'at most 30 days');

/** A setting as it travels through sync: its key is the record's id. */
export const SyncSettingSchema = z.object({ id: z.literal('task_escalation_days'), value: TaskEscalationDaysSchema });
/** A synced setting. */
export type SyncSetting = z.infer<typeof SyncSettingSchema>;

/** The settings as the system admin sees them; `version` 0 means never set (the default applies). */
export const SystemSettingsSchema = z.object({
  taskEscalationDays: TaskEscalationDaysSchema,
  version: z.number().int().nonnegative(),
});
/** The system settings. */
export type SystemSettings = z.infer<typeof SystemSettingsSchema>;

export const SetTaskEscalationDaysBodySchema = z.object({ days: TaskEscalationDaysSchema }).strict();

/** The settings before a system admin changes any. */
export const DEFAULT_SYSTEM_SETTINGS: SystemSettings = { taskEscalationDays: TASK_ESCALATION_DAYS, version: 0 };
