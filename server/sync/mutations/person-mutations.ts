/**
 * `person.create`, `case.addSubject` and `case.removeSubject` through the same services as
 * `POST /persons` and `POST`/`DELETE /cases/:id/subjects`, with the client's ids.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../../db/server/schema.ts';
import { CodedError } from '../../../domain/errors.ts';
import type { MutationArgs } from '../../../domain/sync/mutations.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { addCaseSubject, removeCaseSubject } from '../../cases/case-parts-service.ts';
import { loadCaseFor } from '../../cases/case-policy-loader.ts';
import { isoOf, type WriteContext } from '../../changes/write-context.ts';
import { createPerson } from '../../persons/create-person.ts';
import { matchPersons } from '../../persons/match-persons.ts';
import type { AppliedNote } from './applied-note.ts';
import { assertIdFree } from './mutation-conflict.ts';

/**
 * Records the person with the client's id, then runs the duplicate check again against what the
 * server holds now (the desktop could only check its own copy): the likely matches it found are
 * audited as a `duplicate_check`, as `POST /persons` does, and answered to the desktop, which shows
 * them as an item to review. Nothing is merged or undone here: the person is recorded either way.
 */
export async function applyPersonCreate(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'person.create'>): Promise<AppliedNote> {
  await assertIdFree(trx, 'persons', args.personId);
  const body = args.person;
  await createPerson(trx, env, body, args.personId);
  const likelyMatches = await matchPersons(trx, env.user, isoOf(env), {
    ...body, dateOfBirth: body.dateOfBirth ?? null, estimatedBirthYear: body.estimatedBirthYear ?? null,
  }, args.personId);
  await recordAudit(trx, {
    actor: env.actor, action: 'record.search', entityType: 'person', entityId: args.personId, outcome: 'success', at: env.now,
    details: { kind: 'duplicate_check', returned: likelyMatches.map((m) => m.person.id) },
  });
  return likelyMatches.length === 0 ? {} : { likelyMatches };
}

/** Adds the person to the case in the role, with the client's id for the link. */
export async function applyCaseAddSubject(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'case.addSubject'>): Promise<void> {
  await assertIdFree(trx, 'case_subjects', args.caseSubjectId);
  await addCaseSubject(trx, env, args.caseId, args.personId, args.role, args.reason, args.caseSubjectId);
}

/** Takes the person in the role off the case; only the case's owner agency may. */
export async function applyCaseRemoveSubject(trx: Transaction<ServerDatabase>, env: WriteContext, args: MutationArgs<'case.removeSubject'>): Promise<void> {
  // Visibility first (an unseen case answers not found), then ownership.
  const loaded = await loadCaseFor(trx, args.caseId, env.user, isoOf(env), 'update');
  if (loaded.policy.ownerAgencyId !== env.user.agencyId) {
    throw new CodedError('authorization_error', "Only the case's owner agency can take a person off the case.");
  }
  await removeCaseSubject(trx, env, args.caseId, args.personId, args.role);
}
