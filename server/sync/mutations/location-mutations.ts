/**
 * `location.create` and `case.addLocation` through the same services as `POST /locations` and
 * `POST /cases/:id/locations`, with the client's ids.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import { addCaseLocation } from '../../cases/case-parts-service.ts';
import type { WriteContext } from '../../changes/write-context.ts';
import { createLocation } from '../../locations/location-service.ts';
import { assertIdFree } from './mutation-conflict.ts';

/** Records the place with the client's id, owned by the user's agency. */
export async function applyLocationCreate(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'location.create'>): Promise<void> {
  await assertIdFree(trx, 'locations', args.locationId);
  const { locationId, ...body } = args;
  await createLocation(trx, env, body, locationId);
}

/** Puts a place the user may see on a case they may update, with the client's id for the link. */
export async function applyCaseAddLocation(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'case.addLocation'>): Promise<void> {
  await assertIdFree(trx, 'case_locations', args.caseLocationId);
  await addCaseLocation(trx, env, args.caseId, args.locationId, args.description, args.caseLocationId);
}
