/**
 * Deletes an erased case's content inside the erasing transaction (docs/audit.md, "What an erased
 * case takes with it"). Persons and places go only when nothing else holds them: a person on another
 * case, with a DASH assessment or referral elsewhere, or owned by another agency stays, as does a
 * place linked to another case, and the subject of a subject access request stays. Released SAR parts lose
 * the erased records' items (erase-sar-copies.ts). The audit trail's kept values on them, and the search terms and
 * justifications naming them, go (erase-kept-audit-text.ts; the hashed events keep commitments only),
 * and so do audit export reasons naming them, with the server's copy of those exports (erase-export-reasons.ts);
 * audit events, their scope rows and the change log hold ids and stay.
 */
import type { Transaction } from 'kysely';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { eraseExportReasons, type ErasedExport } from './erase-export-reasons.ts';
import { erasedIdentities, eraseKeptAuditText } from './erase-kept-audit-text.ts';
import { eraseSarCopies } from './erase-sar-copies.ts';

type Trx = Transaction<ServerDatabase>;

/** What went, by kind (the tombstone's counts), and the blobs and export files to discard after the commit. */
export interface ErasedRecords {
  counts: Record<string, number>;
  storageKeys: string[];
  exports: ErasedExport[];
}

const ids = <T extends { id: string }>(rows: readonly T[]) => rows.map((r) => r.id);
const n = (r: { numDeletedRows: bigint } | undefined) => Number(r?.numDeletedRows ?? 0);

/** The persons linked only to this case, owned by its agency, with no assessment or referral elsewhere. */
async function personsOnlyHere(trx: Trx, caseId: string, ownerAgencyId: string): Promise<string[]> {
  const linked = [...new Set((await trx.selectFrom('case_subjects').select('person_id').where('case_id', '=', caseId).execute()).map((s) => s.person_id))];
  if (linked.length === 0) {
    return [];
  }
  const elsewhere = new Set([
    ...(await trx.selectFrom('case_subjects').select('person_id').where('person_id', 'in', linked).where('case_id', '!=', caseId).execute()).map((r) => r.person_id),
    ...(await trx.selectFrom('persons').select('id').where('id', 'in', linked).where('owner_agency_id', '!=', ownerAgencyId).execute()).map((r) => r.id),
    ...(await trx.selectFrom('persons').select('merged_into_id as id').where('merged_into_id', 'in', linked).execute()).map((r) => r.id ?? ''),
    // The subject of a subject access request: the request is about them and names them.
    ...(await trx.selectFrom('sar_requests').select('person_id as id').where('person_id', 'in', linked).execute()).map((r) => r.id),
    ...(await trx.selectFrom('marac_referrals').select('victim_person_id as id').where('victim_person_id', 'in', linked).where('case_id', '!=', caseId).execute()).map((r) => r.id),
    ...(await trx.selectFrom('marac_referral_perpetrators as p').innerJoin('marac_referrals as r', 'r.id', 'p.referral_id')
      .select('p.person_id as id').where('p.person_id', 'in', linked).where('r.case_id', '!=', caseId).execute()).map((r) => r.id),
    // An assessment used by another case's referral, or by none, is the person's own record elsewhere.
    ...(await trx.selectFrom('dash_assessments as d').select('d.person_id as id').where('d.person_id', 'in', linked)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('marac_referrals as r').select('r.id').whereRef('r.dash_assessment_id', '=', 'd.id').where('r.case_id', '=', caseId))))
      .execute()).map((r) => r.id),
  ]);
  return linked.filter((p) => !elsewhere.has(p));
}

/** The places linked only to this case and owned by its agency. */
async function locationsOnlyHere(trx: Trx, caseId: string, ownerAgencyId: string): Promise<string[]> {
  const linked = [...new Set((await trx.selectFrom('case_locations').select('location_id').where('case_id', '=', caseId).execute()).map((l) => l.location_id))];
  if (linked.length === 0) {
    return [];
  }
  const elsewhere = new Set([
    ...(await trx.selectFrom('case_locations').select('location_id as id').where('location_id', 'in', linked).where('case_id', '!=', caseId).execute()).map((r) => r.id),
    ...(await trx.selectFrom('locations').select('id').where('id', 'in', linked).where('owner_agency_id', '!=', ownerAgencyId).execute()).map((r) => r.id),
  ]);
  return linked.filter((l) => !elsewhere.has(l));
}

/** Deletes the case and everything that goes with it; call after the change log captured who saw it. */
export async function eraseCaseRecords(trx: Trx, caseId: string, ownerAgencyId: string, at: string): Promise<ErasedRecords> {
  const persons = await personsOnlyHere(trx, caseId, ownerAgencyId);
  const locations = await locationsOnlyHere(trx, caseId, ownerAgencyId);
  const reports = ids(await trx.selectFrom('reports').select('id').where('case_id', '=', caseId).execute());
  const documents = await trx.selectFrom('documents').select(['id', 'storage_key']).where('case_id', '=', caseId).execute();
  const tasks = ids(await trx.selectFrom('tasks').select('id').where('case_id', '=', caseId).execute());
  const markers = ids(await trx.selectFrom('markers').select('id').where((eb) => eb.or([
    eb.and([eb('subject_type', '=', 'case'), eb('subject_id', '=', caseId)]),
    ...(persons.length > 0 ? [eb.and([eb('subject_type', '=', 'person'), eb('subject_id', 'in', persons)])] : []),
    ...(locations.length > 0 ? [eb.and([eb('subject_type', '=', 'location'), eb('subject_id', 'in', locations)])] : []),
  ])).execute());
  const referrals = ids(await trx.selectFrom('marac_referrals').select('id').where('case_id', '=', caseId).execute());
  const requests = ids(await trx.selectFrom('access_requests').select('id').where((eb) => eb.or([
    eb.and([eb('resource_type', '=', 'case'), eb('resource_id', '=', caseId)]),
    ...(persons.length > 0 ? [eb.and([eb('resource_type', '=', 'person'), eb('resource_id', 'in', persons)])] : []),
  ])).execute());
  const some = (list: string[]) => (list.length > 0 ? list : ['']);
  const counts: Record<string, number> = {};

  // The values the audit trail keeps apart from its events: of these records (update values, justifications, a
  // duplicate check), and any search or justification naming what goes (their hashed events keep only commitments).
  const subjects = ids(await trx.selectFrom('case_subjects').select('id').where('case_id', '=', caseId).execute());
  const places = ids(await trx.selectFrom('case_locations').select('id').where('case_id', '=', caseId).execute());
  const audited = [caseId, ...persons, ...locations, ...reports, ...ids(documents), ...tasks, ...markers, ...requests, ...subjects, ...places, ...referrals];
  const identities = await erasedIdentities(trx, caseId, persons, locations);
  // Export reasons first: an export event recorded meanwhile then either reads the blanked reason or is already kept, and scanned below.
  const exports = await eraseExportReasons(trx, identities, at);
  counts.audit_values = await eraseKeptAuditText(trx, audited, identities);
  const assessed = ids(await trx.selectFrom('dash_assessments').select('id').where('person_id', 'in', some(persons)).execute());
  counts.sar_items = await eraseSarCopies(trx, [...audited, ...assessed], persons);

  // User notifications name ids only, but point at records that no longer exist: they go with them.
  const notices = ids(await trx.selectFrom('user_notifications').select('id').where((eb) => eb.or([
    eb('case_id', '=', caseId), eb('task_id', 'in', some(tasks)), eb('marker_id', 'in', some(markers)), eb('access_request_id', 'in', some(requests)),
  ])).execute());
  await trx.deleteFrom('user_notification_reads').where('notification_id', 'in', some(notices)).execute();
  await trx.deleteFrom('user_notifications').where('id', 'in', some(notices)).execute();
  await trx.deleteFrom('notifications').where((eb) => eb.or([eb('case_id', '=', caseId), eb('person_id', 'in', some(persons))])).execute();

  await trx.deleteFrom('access_grants').where('request_id', 'in', some(requests)).execute();
  counts.access_requests = n(await trx.deleteFrom('access_requests').where('id', 'in', some(requests)).executeTakeFirst());

  await trx.deleteFrom('report_versions').where('report_id', 'in', some(reports)).execute();
  await trx.deleteFrom('report_shares').where('report_id', 'in', some(reports)).execute();
  await trx.deleteFrom('document_shares').where('document_id', 'in', some(ids(documents))).execute();
  counts.documents = n(await trx.deleteFrom('documents').where('case_id', '=', caseId).executeTakeFirst());
  counts.reports = n(await trx.deleteFrom('reports').where('case_id', '=', caseId).executeTakeFirst());
  await trx.deleteFrom('task_updates').where('task_id', 'in', some(tasks)).execute();
  counts.tasks = n(await trx.deleteFrom('tasks').where('case_id', '=', caseId).executeTakeFirst());
  counts.markers = n(await trx.deleteFrom('markers').where('id', 'in', some(markers)).executeTakeFirst());

  // A later referral elsewhere that counted this one as its repeat keeps its flag but loses the link.
  await trx.updateTable('marac_referrals').set({ repeat_of_referral_id: null }).where('repeat_of_referral_id', 'in', some(referrals)).execute();
  await trx.deleteFrom('marac_referral_perpetrators').where('referral_id', 'in', some(referrals)).execute();
  const assessments = ids(await trx.selectFrom('marac_referrals').select('dash_assessment_id as id').where('id', 'in', some(referrals)).execute());
  counts.marac_referrals = n(await trx.deleteFrom('marac_referrals').where('id', 'in', some(referrals)).executeTakeFirst());

  counts.case_subjects = n(await trx.deleteFrom('case_subjects').where('case_id', '=', caseId).executeTakeFirst());
  counts.case_locations = n(await trx.deleteFrom('case_locations').where('case_id', '=', caseId).executeTakeFirst());
  counts.case_links = n(await trx.deleteFrom('case_links').where((eb) => eb.or([eb('case_id', '=', caseId), eb('linked_case_id', '=', caseId)])).executeTakeFirst());
  await trx.deleteFrom('case_shared_agencies').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('case_shared_teams').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('case_shared_users').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('case_audience').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('legal_holds').where('case_id', '=', caseId).execute();
  await trx.deleteFrom('retention_reviews').where('case_id', '=', caseId).execute();
  counts.cases = n(await trx.deleteFrom('cases').where('id', '=', caseId).executeTakeFirst());

  // Assessments of erased persons, and those this case's referrals used that nothing else does.
  const unusedAssessments = assessments.length === 0 ? [] : ids(await trx.selectFrom('dash_assessments as d').select('d.id').where('d.id', 'in', assessments)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('marac_referrals as r').select('r.id').whereRef('r.dash_assessment_id', '=', 'd.id')))).execute());
  counts.dash_assessments = n(await trx.deleteFrom('dash_assessments').where((eb) => eb.or([
    eb('id', 'in', some(unusedAssessments)), eb('person_id', 'in', some(persons)),
  ])).executeTakeFirst());
  await trx.deleteFrom('person_aliases').where('person_id', 'in', some(persons)).execute();
  await trx.deleteFrom('person_identifiers').where('person_id', 'in', some(persons)).execute();
  counts.persons = n(await trx.deleteFrom('persons').where('id', 'in', some(persons)).executeTakeFirst());
  counts.locations = n(await trx.deleteFrom('locations').where('id', 'in', some(locations)).executeTakeFirst());
  return { counts, storageKeys: documents.map((d) => d.storage_key), exports };
}
