/** Creates and changes locations: owned by the creating agency, changed only by it, compare-and-set, audited and synced. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { CreateLocationBody, UpdateLocationBody } from '../../domain/entities/location.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { locationAbilities } from '../../domain/persons/person-abilities.ts';
import { readsCases } from '../../domain/policy/policy-user.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordChange } from '../changes/record-change.ts';
import { loadVisibleLocation } from './location-record.ts';
import type { WriteContext } from '../changes/write-context.ts';

/** Inserts a location owned by the caller's agency (with `id` when a desktop made it offline); returns its id. */
export async function createLocation(trx: Transaction<ServerDatabase>, w: WriteContext, body: CreateLocationBody, id: string = newId()): Promise<string> {
  const { user } = w;
  if (!readsCases(user)) {
    throw new CodedError('authorization_error', 'Your role does not record locations.');
  }
  const at = w.now.toISOString();
  await trx.insertInto('locations').values({
    id, address_line: body.addressLine, town: body.town, postcode: body.postcode, uprn: body.uprn ?? null,
    latitude: body.latitude ?? null, longitude: body.longitude ?? null, owner_agency_id: user.agencyId,
    created_at: at, updated_at: at, version: 1,
  }).execute();
  await recordChange(trx, { entity: 'location', entityId: id, op: 'upsert', at });
  await recordAudit(trx, { actor: w.actor, action: 'record.create', entityType: 'location', entityId: id, outcome: 'success', at: w.now });
  return id;
}

const COLUMNS = {
  addressLine: 'address_line', town: 'town', postcode: 'postcode', uprn: 'uprn', latitude: 'latitude', longitude: 'longitude',
} as const;
type Field = keyof typeof COLUMNS;

/** Applies the patch; 404 unseen, 403 not the owner agency, 409 on a stale version. */
export async function updateLocation(
  trx: Transaction<ServerDatabase>, w: WriteContext, id: string, patch: UpdateLocationBody,
): Promise<void> {
  const { user } = w;
  const at = w.now.toISOString();
  const row = await loadVisibleLocation(trx, user, at, id);
  if (!locationAbilities(user, { ownerAgencyId: row.owner_agency_id }).update) {
    throw new CodedError('authorization_error', "Only the location's owner agency may change it.");
  }
  const set: Record<string, string | number | null> = {};
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of Object.keys(COLUMNS) as Field[]) {
    const value = patch[field];
    if (value === undefined) {
      continue;
    }
    const old = row[COLUMNS[field]];
    set[COLUMNS[field]] = value;
    if (old !== value) {
      changes[field] = [old, value];
    }
  }
  const updated = await trx.updateTable('locations').set({ ...set, updated_at: at, version: patch.expectedVersion + 1 })
    .where('id', '=', id).where('version', '=', patch.expectedVersion).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new CodedError('conflict', 'The location was changed by someone else; reload and try again.');
  }
  await recordChange(trx, { entity: 'location', entityId: id, op: 'upsert', at });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.update', entityType: 'location', entityId: id, outcome: 'success', at: w.now, details: { changes },
  });
}
