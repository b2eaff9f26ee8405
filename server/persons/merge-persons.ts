/**
 * Merges a duplicate person into the one kept (docs/domain-model.md: a data officer merges two persons).
 * Case subjects, aliases, identifiers and markers move to the kept person; the merged row stays
 * as a tombstone pointing at it, and sync sends its removal.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import { displayName, normaliseName } from '../../domain/persons/name-normalise.ts';
import { personNameKey } from '../../domain/persons/soundex.ts';
import { agencyInvolvedWithPerson } from '../../domain/policy/person-policy.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { capturePrior } from '../changes/capture-prior.ts';
import { recordChange } from '../changes/record-change.ts';
import { loadPolicyPersons } from './person-policy-loader.ts';
import type { WriteContext } from '../changes/write-context.ts';

type Trx = Transaction<ServerDatabase>;

/** What the merge asks for. */
export interface MergeInput {
  keepId: string;
  mergeId: string;
  expectedVersions: { keep: number; merge: number };
  justification: string;
}

/** The minimal identity a data officer sees in the merge answer. */
export interface MergeResult {
  kept: { id: string; displayName: string; version: number };
  mergedId: string;
  movedCaseSubjects: number;
}

/** Merges `mergeId` into `keepId`: data officers only; 404 unless their agency is involved with one of them; 409 on stale versions. */
export async function mergePersons(trx: Trx, w: WriteContext, input: MergeInput): Promise<MergeResult> {
  const { user } = w;
  if (user.role !== 'data_officer') {
    throw new CodedError('authorization_error', 'Only a data officer may merge persons.');
  }
  const at = w.now.toISOString();
  const rows = await trx.selectFrom('persons').selectAll().where('id', 'in', [input.keepId, input.mergeId])
    .where('merged_into_id', 'is', null).execute();
  const keep = rows.find((r) => r.id === input.keepId);
  const merge = rows.find((r) => r.id === input.mergeId);
  const policies = await loadPolicyPersons(trx, rows);
  const involved = rows.some((r) => agencyInvolvedWithPerson(user, policies.get(r.id)!));
  if (!keep || !merge || !involved) {
    throw new CodedError('not_found', 'No such person.');
  }
  // Who saw the merged person (and its markers) is read before anything moves to the kept one.
  const mergedPrior = await capturePrior(trx, 'person', merge.id, at);
  for (const [id, version] of [[keep.id, input.expectedVersions.keep], [merge.id, input.expectedVersions.merge]] as const) {
    const done = await trx.updateTable('persons')
      .set(id === merge.id ? { merged_into_id: keep.id, version: version + 1, updated_at: at } : { version: version + 1, updated_at: at })
      .where('id', '=', id).where('version', '=', version).where('merged_into_id', 'is', null).executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) {
      throw new CodedError('conflict', 'One of the persons was changed by someone else; reload and try again.');
    }
  }
  const moved = await moveCaseSubjects(trx, merge.id, keep.id, at);
  await trx.updateTable('person_aliases').set({ person_id: keep.id }).where('person_id', '=', merge.id).execute();
  await trx.updateTable('person_identifiers').set({ person_id: keep.id }).where('person_id', '=', merge.id).execute();
  // The merged person's own name stays findable as an alias of the kept one.
  if (normaliseName(displayName(merge.given_name, merge.family_name)) !== normaliseName(displayName(keep.given_name, keep.family_name))) {
    await trx.insertInto('person_aliases').values({
      id: newId(), person_id: keep.id, given_name: merge.given_name, family_name: merge.family_name,
      name_key: personNameKey(merge.given_name, merge.family_name),
    }).execute();
  }
  const markers = await trx.updateTable('markers').set({ subject_id: keep.id, updated_at: at })
    .where('subject_type', '=', 'person').where('subject_id', '=', merge.id).returning('id').execute();
  for (const m of markers) {
    await recordChange(trx, { entity: 'marker', entityId: m.id, op: 'upsert', at });
  }
  await recordChange(trx, { entity: 'person', entityId: merge.id, op: 'delete', at, prior: mergedPrior });
  await recordChange(trx, { entity: 'person', entityId: keep.id, op: 'upsert', at });
  await recordAudit(trx, {
    actor: w.actor, action: 'record.merge', entityType: 'person', entityId: keep.id, outcome: 'success', at: w.now,
    justification: input.justification,
    details: { keptId: keep.id, mergedId: merge.id, movedCaseSubjects: moved, movedMarkers: markers.length },
  });
  return { kept: { id: keep.id, displayName: displayName(keep.given_name, keep.family_name), version: input.expectedVersions.keep + 1 }, mergedId: merge.id, movedCaseSubjects: moved };
}

/**
 * Re-points the merged person's case subjects; a role the kept person already has in that case is
 * dropped, not doubled (the kept link reveals the full record if either did, so a merge never
 * narrows what a case showed).
 */
async function moveCaseSubjects(trx: Trx, fromId: string, toId: string, at: string): Promise<number> {
  const subjects = await trx.selectFrom('case_subjects').select(['id', 'case_id', 'person_id', 'role', 'profile_only'])
    .where('person_id', 'in', [fromId, toId]).orderBy('created_at').orderBy('id').execute();
  const kept = new Map(subjects.filter((s) => s.person_id === toId).map((s) => [`${s.case_id}|${s.role}`, s]));
  let moved = 0;
  for (const s of subjects.filter((row) => row.person_id === fromId)) {
    const same = kept.get(`${s.case_id}|${s.role}`);
    if (same) {
      const prior = await capturePrior(trx, 'case_subject', s.id, at);
      await trx.deleteFrom('case_subjects').where('id', '=', s.id).execute();
      await recordChange(trx, { entity: 'case_subject', entityId: s.id, op: 'delete', caseId: s.case_id, at, prior });
      if (Number(s.profile_only) === 0 && Number(same.profile_only) === 1) {
        await trx.updateTable('case_subjects').set({ profile_only: 0 }).where('id', '=', same.id).execute();
        same.profile_only = 0;
      }
    } else {
      await trx.updateTable('case_subjects').set({ person_id: toId }).where('id', '=', s.id).execute();
      await recordChange(trx, { entity: 'case_subject', entityId: s.id, op: 'upsert', caseId: s.case_id, at });
      kept.set(`${s.case_id}|${s.role}`, s);
      moved += 1;
    }
  }
  return moved;
}
