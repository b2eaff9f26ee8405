/** Adds and removes the parts of a case: subjects (persons in roles), links to other cases, locations. */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { CodedError } from '../../domain/errors.ts';
import { newId } from '../../domain/ids.ts';
import type { SubjectRole } from '../../domain/vocabulary.ts';
import { caseVisibleSql } from '../access/case-visibility.ts';
import { locationVisibleSql } from '../access/location-visibility.ts';
import { personSearchableSql } from '../access/person-visibility.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { capturePrior } from '../changes/capture-prior.ts';
import { recordChange } from '../changes/record-change.ts';
import { notifyAgency } from '../notifications/notify-agency.ts';
import { viewPersons } from '../persons/person-record.ts';
import { loadCaseFor, type LoadedCase } from './case-policy-loader.ts';
import { reloadCase } from './case-service.ts';
import { isoOf, type WriteContext } from '../changes/write-context.ts';

type Trx = Transaction<ServerDatabase>;

/**
 * Adds a person to a case in a role; the person must exist, be findable by the caller and not be
 * merged. A caller who holds the full record adds them as before: whoever sees the case sees the
 * person in full. A caller who sees only a stub (or the minimal profile of an earlier attach) may
 * attach them too — the golden nominal exists so agencies do not create duplicates — but must give
 * a reason; the link is `profile_only` (it reveals the minimal profile to whoever sees the case,
 * never more than the attacher had), the audit event is a `combination` with the reason as its
 * justification, and the person's owner agency is notified, all in this transaction.
 */
export async function addCaseSubject(
  trx: Trx, w: WriteContext, caseId: string, personId: string, role: SubjectRole, reason?: string, id: string = newId(),
): Promise<LoadedCase> {
  const at = isoOf(w);
  await loadCaseFor(trx, caseId, w.user, at, 'update');
  const person = await trx.selectFrom('persons').selectAll().where('persons.id', '=', personId)
    .where(personSearchableSql(w.user, at, 'persons')).executeTakeFirst();
  if (!person) {
    throw new CodedError('validation_error', 'Invalid body at personId: unknown person.');
  }
  if (person.merged_into_id !== null) {
    throw new CodedError('validation_error', 'Invalid body at personId: this person was merged into another record; use that one.');
  }
  // The view before the link exists: the pure policy decides whether this is an attach from a stub.
  const [viewed] = await viewPersons(trx, w.user, at, [person]);
  const fromStub = viewed?.view !== 'full';
  if (fromStub && reason === undefined) {
    throw new CodedError('validation_error', 'Invalid body at reason: attaching a person you see only as a search stub needs a reason.');
  }
  const existing = await trx.selectFrom('case_subjects').select('id').where('case_id', '=', caseId).where('person_id', '=', personId).where('role', '=', role).executeTakeFirst();
  if (existing) {
    throw new CodedError('conflict', 'That person is already in the case in that role.');
  }
  await trx.insertInto('case_subjects').values({ id, case_id: caseId, person_id: personId, role, created_at: at, profile_only: fromStub ? 1 : 0 }).execute();
  await recordChange(trx, { entity: 'case_subject', entityId: id, op: 'upsert', caseId, at });
  // Whoever sees the case now sees the person (in full, or the minimal profile after an attach from a stub).
  await recordChange(trx, { entity: 'person', entityId: personId, op: 'access', at });
  if (fromStub) {
    await recordAudit(trx, {
      actor: w.actor, action: 'record.attach_person', entityType: 'case_subject', entityId: id, outcome: 'success', at: w.now,
      justification: reason ?? null, details: { caseId, personId, role, ownerAgencyId: person.owner_agency_id },
    });
    await notifyAgency(trx, { agencyId: person.owner_agency_id, kind: 'person_attached', personId, caseId, fromAgencyId: w.user.agencyId, at });
  } else {
    await recordAudit(trx, { actor: w.actor, action: 'record.create', entityType: 'case_subject', entityId: id, outcome: 'success', at: w.now, details: { caseId, personId, role } });
  }
  return reloadCase(trx, w, caseId);
}

/** Removes a person in a role from a case. */
export async function removeCaseSubject(trx: Trx, w: WriteContext, caseId: string, personId: string, role: SubjectRole): Promise<LoadedCase> {
  const at = isoOf(w);
  await loadCaseFor(trx, caseId, w.user, at, 'update');
  const existing = await trx.selectFrom('case_subjects').select('id').where('case_id', '=', caseId).where('person_id', '=', personId).where('role', '=', role).executeTakeFirst();
  if (!existing) {
    throw new CodedError('not_found', 'That person is not in the case in that role.');
  }
  // Who saw the subject and the person is read before the delete: after it, some of them no longer could.
  const subjectPrior = await capturePrior(trx, 'case_subject', existing.id, at);
  const personPrior = await capturePrior(trx, 'person', personId, at);
  await trx.deleteFrom('case_subjects').where('id', '=', existing.id).execute();
  await recordChange(trx, { entity: 'case_subject', entityId: existing.id, op: 'delete', caseId, at, prior: subjectPrior });
  await recordChange(trx, { entity: 'person', entityId: personId, op: 'access', at, prior: personPrior });
  await recordAudit(trx, { actor: w.actor, action: 'record.delete', entityType: 'case_subject', entityId: existing.id, outcome: 'success', at: w.now, details: { caseId, personId, role } });
  return reloadCase(trx, w, caseId);
}

/** Links two cases; the caller must see both (an invisible linked case answers 404). */
export async function addCaseLink(trx: Trx, w: WriteContext, caseId: string, linkedCaseId: string, reason: string, id: string = newId()): Promise<LoadedCase> {
  const at = isoOf(w);
  await loadCaseFor(trx, caseId, w.user, at, 'link');
  if (linkedCaseId === caseId) {
    throw new CodedError('validation_error', 'Invalid body at linkedCaseId: a case cannot be linked to itself.');
  }
  const linked = await trx.selectFrom('cases').select('id').where('cases.id', '=', linkedCaseId).where(caseVisibleSql(w.user, at, 'cases')).executeTakeFirst();
  if (!linked) {
    throw new CodedError('not_found', 'No such case to link.');
  }
  const existing = await trx.selectFrom('case_links').select('id').where('case_id', '=', caseId).where('linked_case_id', '=', linkedCaseId).executeTakeFirst();
  if (existing) {
    throw new CodedError('conflict', 'The cases are already linked.');
  }
  await trx.insertInto('case_links').values({ id, case_id: caseId, linked_case_id: linkedCaseId, reason, created_by: w.user.id, created_at: at }).execute();
  await recordChange(trx, { entity: 'case_link', entityId: id, op: 'upsert', caseId, at });
  await recordAudit(trx, { actor: w.actor, action: 'record.create', entityType: 'case_link', entityId: id, outcome: 'success', at: w.now, details: { caseId, linkedCaseId } });
  return reloadCase(trx, w, caseId);
}

/**
 * Adds a location the caller may see to a case, with a description of why it matters. An unseen
 * location answers like an unknown one: linking must not become a way to read someone's address.
 */
export async function addCaseLocation(trx: Trx, w: WriteContext, caseId: string, locationId: string, description: string, id: string = newId()): Promise<LoadedCase> {
  const at = isoOf(w);
  await loadCaseFor(trx, caseId, w.user, at, 'update');
  const location = await trx.selectFrom('locations').select('id').where('locations.id', '=', locationId)
    .where(locationVisibleSql(w.user, at, 'locations')).executeTakeFirst();
  if (!location) {
    throw new CodedError('validation_error', 'Invalid body at locationId: unknown location.');
  }
  await trx.insertInto('case_locations').values({ id, case_id: caseId, location_id: locationId, description, created_at: at }).execute();
  await recordChange(trx, { entity: 'case_location', entityId: id, op: 'upsert', caseId, at });
  // Whoever sees the case now sees the location (and its markers).
  await recordChange(trx, { entity: 'location', entityId: locationId, op: 'access', at });
  await recordAudit(trx, { actor: w.actor, action: 'record.create', entityType: 'case_location', entityId: id, outcome: 'success', at: w.now, details: { caseId, locationId } });
  return reloadCase(trx, w, caseId);
}
