/** The case types in the offline copy (docs/decisions.md, "Case types are data"): labels, and which may be chosen. */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { CaseTypeList } from '../../domain/ipc/case-channels.ts';

/** Every synced case type by name (en-GB order), retired ones marked, so old cases keep their labels. */
export async function queryCaseTypes(db: Kysely<CacheDatabase>): Promise<CaseTypeList> {
  const rows = await db.selectFrom('case_types').select(['id', 'label', 'active']).execute();
  return {
    caseTypes: rows.map((r) => ({ code: r.id, label: r.label, active: r.active === 1 })).sort((a, b) => a.label.localeCompare(b.label, 'en-GB')),
  };
}
