/** The configurable case types: default rows inserted at first use, and the active-code check. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { CASE_TYPE_LABELS, CASE_TYPES } from '../../domain/vocabulary.ts';

/**
 * Inserts the default case types when the table is empty. Until a data migration seeds them,
 * this runs lazily before a case type is checked; `on conflict do nothing` keeps it race-safe.
 */
export async function ensureDefaultCaseTypes(trx: Transaction<ServerDatabase>): Promise<void> {
  const any = await trx.selectFrom('case_types').select('code').limit(1).executeTakeFirst();
  if (any) {
    return;
  }
  await trx.insertInto('case_types')
    .values(CASE_TYPES.map((code) => ({ code, label: CASE_TYPE_LABELS[code], active: 1, retention_years: 6 })))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

/** Throws a validation error unless `code` is an active case type. */
export async function assertActiveCaseType(trx: Transaction<ServerDatabase>, code: string): Promise<void> {
  await ensureDefaultCaseTypes(trx);
  const row = await trx.selectFrom('case_types').select('active').where('code', '=', code).executeTakeFirst();
  if (!row || Number(row.active) !== 1) {
    throw new CodedError('validation_error', `Invalid body at caseType: "${code}" is not an active case type.`);
  }
}
