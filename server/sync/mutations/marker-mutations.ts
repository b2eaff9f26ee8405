/** `marker.create` and `marker.update` (last-writer-wins, owner agency only) through the marker service, as the HTTP routes do. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { createMarker, updateMarker } from '../../markers/marker-service.ts';
import { assertIdFree } from './mutation-conflict.ts';

type Trx = Transaction<ServerDatabase>;

/** Places a marker with the client's id on a subject the user sees. */
export async function applyMarkerCreate(trx: Trx, env: WriteContext, args: MutationArgs<'marker.create'>): Promise<void> {
  const { markerId, ...body } = args;
  await assertIdFree(trx, 'markers', markerId);
  await createMarker(trx, env, body, markerId);
}

/** Edits, reviews or expires a marker of the user's agency. */
export async function applyMarkerUpdate(trx: Trx, env: WriteContext, args: MutationArgs<'marker.update'>): Promise<void> {
  const { markerId, ...patch } = args;
  await updateMarker(trx, env, markerId, patch);
}
