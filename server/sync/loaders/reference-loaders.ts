/** Sync loaders for the reference data every user may see: case types and system settings. */
import { SyncCaseTypeSchema } from '../../../domain/entities/case-type.ts';
import { readSystemSettings } from '../../settings/system-settings.ts';
import { byId, type SyncLoader } from './sync-record.ts';

/** Case types, retired ones too (cases keep them, so their labels are still needed). */
export const loadCaseTypes: SyncLoader = async (db, _user, _at, ids) => {
  const rows = await db.selectFrom('case_types').select(['code', 'label', 'active']).where('code', 'in', ids).execute();
  return byId(rows.map((t) => ({ entity: 'case_type' as const, data: SyncCaseTypeSchema.parse({ id: t.code, label: t.label, active: Number(t.active) === 1 }) })));
};

/** System settings, the default where none was set. */
export const loadSettings: SyncLoader = async (db, _user, _at, ids) => {
  if (!ids.includes('task_escalation_days')) {
    return new Map();
  }
  const settings = await readSystemSettings(db);
  return byId([{ entity: 'setting' as const, data: { id: 'task_escalation_days' as const, value: settings.taskEscalationDays } }]);
};
