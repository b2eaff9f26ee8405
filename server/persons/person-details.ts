/** Aliases (owner agency) and restricted identifiers (any agency with the full view, seen only by itself). */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { IdentifierScheme } from '../../domain/entities/person.ts';
import { personNameKey } from '../../domain/persons/soundex.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordChange } from '../changes/record-change.ts';
import { loadFullPerson, requireAbility } from './person-access.ts';
import type { WriteContext } from '../changes/write-context.ts';

type Trx = Transaction<ServerDatabase>;

async function touch(trx: Trx, w: WriteContext, id: string, changes: Record<string, [unknown, unknown]>): Promise<void> {
  const at = w.now.toISOString();
  await trx.updateTable('persons').set((eb) => ({ version: eb('version', '+', 1), updated_at: at })).where('id', '=', id).execute();
  await recordChange(trx, { entity: 'person', entityId: id, op: 'upsert', at });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.update', entityType: 'person', entityId: id, outcome: 'success', at: w.now, details: { changes },
  });
}

/** Adds an alias; returns its id. */
export async function addPersonAlias(
  trx: Trx, w: WriteContext, id: string, alias: { givenName: string; familyName: string },
): Promise<string> {
  const { user } = w;
  const { abilities } = await loadFullPerson(trx, user, w.now.toISOString(), id);
  requireAbility(abilities, 'addAlias', "Only the person's owner agency may add aliases.");
  const aliasId = newId();
  await trx.insertInto('person_aliases').values({
    id: aliasId, person_id: id, given_name: alias.givenName, family_name: alias.familyName,
    name_key: personNameKey(alias.givenName, alias.familyName),
  }).execute();
  await touch(trx, w, id, { alias: [null, `${alias.givenName} ${alias.familyName}`] });
  return aliasId;
}

/** Removes an alias of the person (404 when the alias is not theirs). */
export async function removePersonAlias(trx: Trx, w: WriteContext, id: string, aliasId: string): Promise<void> {
  const { user } = w;
  const { abilities } = await loadFullPerson(trx, user, w.now.toISOString(), id);
  requireAbility(abilities, 'addAlias', "Only the person's owner agency may remove aliases.");
  const alias = await trx.selectFrom('person_aliases').select(['given_name', 'family_name'])
    .where('id', '=', aliasId).where('person_id', '=', id).executeTakeFirst();
  if (!alias) {
    throw new CodedError('not_found', 'No such alias.');
  }
  await trx.deleteFrom('person_aliases').where('id', '=', aliasId).execute();
  await touch(trx, w, id, { alias: [`${alias.given_name} ${alias.family_name}`, null] });
}

/** Records a restricted identifier for the caller's agency; the audit names the scheme, never the value. */
export async function addPersonIdentifier(
  trx: Trx, w: WriteContext, id: string, identifier: { scheme: IdentifierScheme; value: string },
): Promise<string> {
  const { user } = w;
  const { abilities } = await loadFullPerson(trx, user, w.now.toISOString(), id);
  requireAbility(abilities, 'addIdentifier', 'You may not record identifiers for this person.');
  const identifierId = newId();
  await trx.insertInto('person_identifiers').values({
    id: identifierId, person_id: id, scheme: identifier.scheme, value: identifier.value, agency_id: user.agencyId,
  }).execute();
  await touch(trx, w, id, { identifier: [null, { id: identifierId, scheme: identifier.scheme }] });
  return identifierId;
}
