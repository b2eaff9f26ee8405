/** Queues one local change: the optimistic row and its outbox entry, written together by the caller's transaction. */
import { sql, type Kysely } from 'kysely';
import type { z } from 'zod';
import { CodedError } from '../../domain/errors.ts';
import { MUTATION_ARGS, MutationNameSchema, type MutationArgs, type MutationName } from '../../domain/sync/mutations.ts';
import { parseOrThrow } from '../../domain/validation-error.ts';
import { ensureClientId, nextMutationId } from './client-identity.ts';
import { applyOptimistic } from './optimistic-apply.ts';
import { isDocumentDeletable } from '../cache/document-deletable.ts';
import { assertReportWithinCachedCase } from './report-within-cached-case.ts';
import type { LocalActor, SyncCacheDatabase } from './sync-cache-db.ts';

/** A change the user made: a mutation name, its arguments, and the version the user edited from (defaults to the cached one). */
export type LocalChange = {
  [N in MutationName]: { name: N; args: z.input<(typeof MUTATION_ARGS)[N]>; baseVersion?: number };
}[MutationName];

/** Validates the change (a `validation_error` writes nothing), applies it locally and appends it to the outbox. Returns its mutation id. */
export async function queueLocalChange(trx: Kysely<SyncCacheDatabase>, change: { name: string; args: unknown; baseVersion?: number }, actor: LocalActor, at: string): Promise<number> {
  const name = MutationNameSchema.safeParse(change.name);
  if (!name.success) {
    throw new CodedError('validation_error', `Unknown change "${String(change.name).slice(0, 40)}".`);
  }
  const args = parseOrThrow(MUTATION_ARGS[name.data], change.args, name.data) as MutationArgs<MutationName>;
  if (name.data === 'report.create') {
    await assertReportWithinCachedCase(trx, args as MutationArgs<'report.create'>, actor);
  }
  if (name.data === 'document.upload') {
    await assertMayAttach(trx, (args as MutationArgs<'document.upload'>).caseId);
  }
  if (name.data === 'document.delete') {
    await assertDocumentDeletable(trx, args as MutationArgs<'document.delete'>);
  }
  const baseVersion = change.baseVersion ?? (await cachedVersion(trx, name.data, args));
  const clientId = await ensureClientId(trx);
  const before = await applyOptimistic(trx, name.data, args, actor, at);
  const mutationId = await nextMutationId(trx);
  await trx.insertInto('outbox').values({
    mutation_id: mutationId, client_id: clientId, name: name.data, args: JSON.stringify(args), base_version: baseVersion ?? null,
    state: 'pending', before_image: before === null ? null : JSON.stringify(before), error_code: null, error_message: null,
    created_at: at, attempts: 0,
  }).execute();
  return mutationId;
}

// Compare-and-set needs the version the user saw; the cached row is that version unless the caller says otherwise.
async function cachedVersion(trx: Kysely<SyncCacheDatabase>, name: MutationName, args: MutationArgs<MutationName>): Promise<number | undefined> {
  if (name === 'report.update') {
    const report = await trx.selectFrom('reports').select('version').where('id', '=', (args as MutationArgs<'report.update'>).reportId).executeTakeFirst();
    return report?.version;
  }
  if (name !== 'case.update') {
    return undefined;
  }
  const row = await trx.selectFrom('cases').select('version').where('id', '=', (args as MutationArgs<'case.update'>).caseId).executeTakeFirst();
  return row?.version;
}

// Checked here as well as at push: the last sync's `delete` ability decides what may be queued, so a
// deletion the server would refuse is not shown as done, even briefly.
async function assertDocumentDeletable(trx: Kysely<SyncCacheDatabase>, args: MutationArgs<'document.delete'>): Promise<void> {
  const row = await trx.selectFrom('documents').select(['case_id', 'abilities']).where('id', '=', args.documentId).executeTakeFirst();
  if (!row || row.case_id !== args.caseId) {
    throw new CodedError('not_found', 'This document is not in the offline copy.');
  }
  if (!isDocumentDeletable(row.abilities)) {
    throw new CodedError('authorization_error', 'Only the uploader or a manager of the owning agency may delete this document.');
  }
  // Deleting a file the server has not received yet would race its upload; it can be deleted once synced.
  const queued = await trx.selectFrom('outbox').select('mutation_id').where('name', '=', 'document.upload').where('state', '=', 'pending')
    .where(sql`json_extract(args, '$.documentId')`, '=', args.documentId).executeTakeFirst();
  if (queued) {
    throw new CodedError('conflict', 'This file is still waiting to sync: it can be deleted once it has reached the server.');
  }
}

// The last sync's `add_document` ability of the case decides whether a file may be attached offline.
async function assertMayAttach(trx: Kysely<SyncCacheDatabase>, caseId: string): Promise<void> {
  const row = await trx.selectFrom('cases').select('abilities').where('id', '=', caseId).executeTakeFirst();
  if (!row) {
    throw new CodedError('not_found', 'This case is not in the offline copy.');
  }
  let abilities: unknown = null;
  try {
    abilities = row.abilities === null ? null : JSON.parse(row.abilities);
  } catch {
    abilities = null;
  }
  if (typeof abilities !== 'object' || abilities === null || (abilities as { add_document?: unknown }).add_document !== true) {
    throw new CodedError('authorization_error', 'You may not attach documents to this case.');
  }
}
