/** Maps the records a sync pull sends to the cache's mirror-table rows. */
import type { Insertable } from 'kysely';
import type {
  CacheAccessRequestTable, CacheCaseLocationTable, CacheCaseSubjectTable, CacheDocumentTable, CacheLocationTable, CacheMarkerTable, CachePersonTable,
  CacheReportTable, CacheTaskTable,
} from '../../db/cache/mirror-tables.ts';
import type { CacheAgencyTable, CacheCaseTable, CacheCaseTypeTable, CacheSettingTable } from '../../db/cache/schema.ts';
import type { SyncCaseType } from '../../domain/entities/case-type.ts';
import type { SyncSetting } from '../../domain/entities/system-setting.ts';
import type { Agency, CaseRecord } from '../../domain/entities.ts';
import type {
  SyncAccessRequest, SyncCaseLocation, SyncCaseSubject, SyncDocument, SyncLocation, SyncMarker, SyncPerson, SyncReport, SyncTask,
} from '../../domain/sync/sync-records.ts';

/**
 * The record's `abilities` as JSON when the server sent them, else null. The sync schemas do not
 * carry abilities yet (they arrive with the record APIs); once they do, they are stored with no change here.
 */
export function abilitiesJson(record: object): string | null {
  const abilities = (record as { abilities?: unknown }).abilities;
  return abilities === undefined ? null : JSON.stringify(abilities);
}

/** An agency row. */
export const agencyRow = (a: Agency): CacheAgencyTable => ({ id: a.id, name: a.name, kind: a.kind, code: a.code });

/** A case type row. */
export const caseTypeRow = (t: SyncCaseType): CacheCaseTypeTable => ({ id: t.id, label: t.label, active: t.active ? 1 : 0 });

/** A setting row. */
export const settingRow = (s: SyncSetting): CacheSettingTable => ({ id: s.id, value: JSON.stringify(s.value) });

/** A case row. */
export const caseRow = (c: CaseRecord): Insertable<CacheCaseTable> => ({
  id: c.id, reference: c.reference, title: c.title, case_type: c.caseType, status: c.status, closure_reason: c.closureReason,
  risk_level: c.riskLevel, review_date: c.reviewDate, owner_agency_id: c.ownerAgencyId, owner_team_id: c.ownerTeamId,
  owner_user_id: c.ownerUserId, sharing_level: c.sharingLevel, shared_agency_ids: JSON.stringify(c.sharedAgencyIds),
  created_at: c.createdAt, updated_at: c.updatedAt, version: c.version, abilities: abilitiesJson(c),
});

/** A person row; aliases as JSON (the FTS trigger indexes them). */
export const personRow = (p: SyncPerson): Insertable<CachePersonTable> => ({
  id: p.id, given_name: p.givenName, family_name: p.familyName, date_of_birth: p.dateOfBirth, estimated_birth_year: p.estimatedBirthYear,
  gender: p.gender, aliases: JSON.stringify(p.aliases), abilities: abilitiesJson(p),
});

/** A case subject row. */
export const caseSubjectRow = (s: SyncCaseSubject): CacheCaseSubjectTable => ({
  id: s.id, case_id: s.caseId, person_id: s.personId, role: s.role, created_at: s.createdAt,
});

/** A location row. */
export const locationRow = (l: SyncLocation): CacheLocationTable => ({
  id: l.id, address_line: l.addressLine, town: l.town, postcode: l.postcode, uprn: l.uprn, latitude: l.latitude, longitude: l.longitude,
  owner_agency_id: l.ownerAgencyId, created_at: l.createdAt, updated_at: l.updatedAt, version: l.version, abilities: abilitiesJson(l),
});

/** A case location (link) row. */
export const caseLocationRow = (l: SyncCaseLocation): CacheCaseLocationTable => ({
  id: l.id, case_id: l.caseId, location_id: l.locationId, description: l.description, created_at: l.createdAt,
});

/** A report row. */
export const reportRow = (r: SyncReport): Insertable<CacheReportTable> => ({
  id: r.id, case_id: r.caseId, kind: r.kind, title: r.title, body: r.body, author_user_id: r.authorUserId, author_agency_id: r.authorAgencyId,
  author_team_id: r.authorTeamId, sharing_level: r.sharingLevel, created_at: r.createdAt, updated_at: r.updatedAt, version: r.version,
  abilities: abilitiesJson(r),
});

/** A task row with its whole updates thread as JSON. */
export const taskRow = (t: SyncTask): CacheTaskTable => ({
  id: t.id, case_id: t.caseId, title: t.title, description: t.description, assignee_agency_id: t.assigneeAgencyId,
  assignee_team_id: t.assigneeTeamId, assignee_user_id: t.assigneeUserId, due_date: t.dueDate, status: t.status, created_by: t.createdBy,
  created_at: t.createdAt, updated_at: t.updatedAt, version: t.version, updates: JSON.stringify(t.updates), abilities: abilitiesJson(t),
});

/** A marker row. */
export const markerRow = (m: SyncMarker): CacheMarkerTable => ({
  id: m.id, subject_type: m.subjectType, subject_id: m.subjectId, marker_type: m.markerType, description: m.description,
  owner_agency_id: m.ownerAgencyId, review_date: m.reviewDate, expires_at: m.expiresAt, created_at: m.createdAt, updated_at: m.updatedAt,
  version: m.version, abilities: abilitiesJson(m),
});

/** An access request row. */
export const accessRequestRow = (a: SyncAccessRequest): CacheAccessRequestTable => ({
  id: a.id, resource_type: a.resourceType, resource_id: a.resourceId, owner_agency_id: a.ownerAgencyId, requester_user_id: a.requesterUserId,
  requester_agency_id: a.requesterAgencyId, reason: a.reason, status: a.status, decided_by: a.decidedBy, decided_at: a.decidedAt,
  decision_note: a.decisionNote, grant_expires_at: a.grantExpiresAt, created_at: a.createdAt, version: a.version, abilities: abilitiesJson(a),
});

/** A document's metadata row. */
export const documentRow = (d: SyncDocument): CacheDocumentTable => ({
  id: d.id, case_id: d.caseId, report_id: d.reportId, file_name: d.fileName, content_type: d.contentType, size_bytes: d.sizeBytes,
  sha256: d.sha256, owner_agency_id: d.ownerAgencyId, owner_team_id: d.ownerTeamId, uploaded_by: d.uploadedBy,
  sharing_level: d.sharingLevel, created_at: d.createdAt, abilities: abilitiesJson(d),
});
