/** `case.create` through the case service, with the client's id (the same checks, audit and change log as `POST /cases`). */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import { createCase } from '../../cases/case-service.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { assertIdFree } from './mutation-conflict.ts';

/**
 * Opens the case with the client's id. A replay is caught by the mutation id before this runs; the
 * same id under another mutation id is a twin and is refused. The server assigns the reference;
 * `shared` is not offered offline, so there are no named shares and the case is not hidden from search.
 */
export async function applyCaseCreate(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'case.create'>): Promise<void> {
  await assertIdFree(trx, 'cases', args.caseId);
  const { caseId, ...fields } = args;
  await createCase(trx, env, { ...fields, hiddenFromSearch: false }, caseId);
}
