/** Reads of case types for the system administrator. */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { AdminCaseType } from '../../domain/entities/case-type.ts';
import { CodedError } from '../../domain/errors.ts';

type Db = Kysely<ServerDatabase> | Transaction<ServerDatabase>;

/** Every case type (or one), by name, with how many cases have it. */
export async function listAdminCaseTypes(db: Db, only?: string): Promise<AdminCaseType[]> {
  let query = db.selectFrom('case_types').select(['code', 'label', 'active']);
  if (only !== undefined) {
    query = query.where('code', '=', only);
  }
  const rows = await query.orderBy('label').orderBy('code').execute();
  if (rows.length === 0) {
    return [];
  }
  const counts = await db.selectFrom('cases').select(['case_type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('case_type', 'in', rows.map((r) => r.code)).groupBy('case_type').execute();
  return rows.map((r) => ({
    code: r.code, label: r.label, active: Number(r.active) === 1, caseCount: Number(counts.find((c) => c.case_type === r.code)?.n ?? 0),
  }));
}

/** One case type; `not_found` when there is none. */
export async function adminCaseType(db: Db, code: string): Promise<AdminCaseType> {
  const [type] = await listAdminCaseTypes(db, code);
  if (!type) {
    throw new CodedError('not_found', 'No such case type.');
  }
  return type;
}

/** Refuses a name another case type already has, whatever its case (`conflict`). */
export async function assertLabelFree(db: Db, label: string, except?: string): Promise<void> {
  let query = db.selectFrom('case_types').select(['code', 'label']).where((eb) => eb(eb.fn('lower', ['label']), '=', label.toLowerCase()));
  if (except !== undefined) {
    query = query.where('code', '<>', except);
  }
  const same = await query.executeTakeFirst();
  if (same) {
    throw new CodedError('conflict', `There is already a case type called ${same.label}.`);
  }
}

/** A code no case type has yet: the one made from the name, or it with `_2`, `_3`… */
export async function freeCode(db: Db, base: string): Promise<string> {
  const taken = new Set((await db.selectFrom('case_types').select('code').where('code', 'like', `${base}%`).execute()).map((r) => r.code));
  let code = base;
  for (let n = 2; taken.has(code); n += 1) {
    code = `${base}_${n}`;
  }
  return code;
}
