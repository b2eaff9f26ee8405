/** Changes a person's identity fields: owner agency only, compare-and-set on the expected version, audited old → new. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { ConsentStatus, Gender, UpdatePersonBody } from '../../domain/entities/person.ts';
import { CodedError } from '../../domain/errors.ts';
import { personNameKey } from '../../domain/persons/soundex.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { recordChange } from '../changes/record-change.ts';
import { checkBirth } from './create-person.ts';
import { loadFullPerson, requireAbility } from './person-access.ts';
import type { WriteContext } from '../changes/write-context.ts';

/** Fields a PATCH may change, and their columns. */
const COLUMNS = {
  givenName: 'given_name', familyName: 'family_name', dateOfBirth: 'date_of_birth',
  estimatedBirthYear: 'estimated_birth_year', gender: 'gender', consentStatus: 'consent_status',
} as const;
type Field = keyof typeof COLUMNS;

/** Applies the patch; 404 unseen, 403 not the owner agency, 409 on a stale version. */
export async function updatePerson(
  trx: Transaction<ServerDatabase>, w: WriteContext, id: string, patch: UpdatePersonBody,
): Promise<void> {
  const { user } = w;
  const at = w.now.toISOString();
  const { row, abilities } = await loadFullPerson(trx, user, at, id);
  requireAbility(abilities, 'update', "Only the person's owner agency may change their details.");
  const next: Record<Field, string | number | null> = {
    givenName: patch.givenName ?? row.given_name,
    familyName: patch.familyName ?? row.family_name,
    dateOfBirth: patch.dateOfBirth !== undefined ? patch.dateOfBirth : row.date_of_birth,
    estimatedBirthYear: patch.estimatedBirthYear !== undefined ? patch.estimatedBirthYear : row.estimated_birth_year,
    gender: patch.gender ?? row.gender,
    consentStatus: patch.consentStatus ?? row.consent_status,
  };
  // A known date replaces an estimate and vice versa; asking for both at once is ambiguous.
  const setsDate = patch.dateOfBirth !== undefined && patch.dateOfBirth !== null;
  const setsYear = patch.estimatedBirthYear !== undefined && patch.estimatedBirthYear !== null;
  if (setsDate && setsYear) {
    throw new CodedError('validation_error', 'Give a date of birth or an estimated birth year, not both.');
  }
  if (setsDate) {
    next.estimatedBirthYear = null;
  } else if (setsYear) {
    next.dateOfBirth = null;
  }
  checkBirth(w.now, next.dateOfBirth as string | null, next.estimatedBirthYear as number | null);
  const changes: Record<string, [unknown, unknown]> = {};
  for (const field of Object.keys(COLUMNS) as Field[]) {
    const old = row[COLUMNS[field]] === null ? null : field === 'estimatedBirthYear' ? Number(row[COLUMNS[field]]) : row[COLUMNS[field]];
    if (old !== next[field]) {
      changes[field] = [old, next[field]];
    }
  }
  const updated = await trx.updateTable('persons').set({
    given_name: next.givenName as string, family_name: next.familyName as string,
    date_of_birth: next.dateOfBirth as string | null, estimated_birth_year: next.estimatedBirthYear as number | null,
    gender: next.gender as Gender, consent_status: next.consentStatus as ConsentStatus,
    name_key: personNameKey(next.givenName as string, next.familyName as string),
    updated_at: at, version: patch.expectedVersion + 1,
  }).where('id', '=', id).where('version', '=', patch.expectedVersion).where('merged_into_id', 'is', null).executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) {
    throw new CodedError('conflict', 'The person was changed by someone else; reload and try again.');
  }
  await recordChange(trx, { entity: 'person', entityId: id, op: 'upsert', at });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.update', entityType: 'person', entityId: id, outcome: 'success', at: w.now, details: { changes },
  });
}
