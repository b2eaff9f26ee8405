/** Sync loaders for reports, tasks (with updates), markers, access requests and document metadata, with the caller's abilities. */
import { documentAbilities } from '../../../domain/documents/document-abilities.ts';
import { canOnReport } from '../../../domain/policy/report-policy.ts';
import { canUpdateTask } from '../../../domain/policy/task-policy.ts';
import {
  SyncAccessRequestSchema, SyncDocumentSchema, SyncMarkerSchema, SyncReportSchema, SyncTaskSchema,
} from '../../../domain/sync/sync-records.ts';
import { accessRequestVisibleSql } from '../../access/access-request-visibility.ts';
import { documentVisibleSql } from '../../access/document-visibility.ts';
import { markerVisibleSql } from '../../access/marker-visibility.ts';
import { reportVisibleSql } from '../../access/report-visibility.ts';
import { taskVisibleSql } from '../../access/task-visibility.ts';
import { mayDecide } from '../../access-requests/access-request-record.ts';
import { loadCasePolicies, loadReportShares } from './case-policies.ts';
import { byId, type SyncLoader } from './sync-record.ts';

/** Reports the user may read. */
export const loadReports: SyncLoader = async (db, user, at, ids) => {
  const rows = await db.selectFrom('reports').selectAll().where('id', 'in', ids).where(reportVisibleSql(user, at, 'reports')).execute();
  const cases = await loadCasePolicies(db, user, rows.map((r) => r.case_id));
  const shares = await loadReportShares(db, rows.map((r) => r.id));
  const on = (action: 'read' | 'update', r: (typeof rows)[number]) => {
    const c = cases.get(r.case_id);
    const report = {
      authorAgencyId: r.author_agency_id, authorTeamId: r.author_team_id, authorUserId: r.author_user_id,
      sharingLevel: r.sharing_level, sharedAgencyIds: [], ...shares.get(r.id),
    };
    return c !== undefined && canOnReport(user, action, report, c, at);
  };
  return byId(rows.map((r) => ({
    entity: 'report' as const,
    data: SyncReportSchema.parse({
      id: r.id, caseId: r.case_id, kind: r.kind, title: r.title, body: r.body, authorUserId: r.author_user_id,
      authorAgencyId: r.author_agency_id, authorTeamId: r.author_team_id, sharingLevel: r.sharing_level,
      createdAt: r.created_at, updatedAt: r.updated_at, version: r.version,
      abilities: { read: on('read', r), update: on('update', r) },
    }),
  })));
};

/** Tasks the user may see, each with its updates thread. */
export const loadTasks: SyncLoader = async (db, user, at, ids) => {
  const rows = await db.selectFrom('tasks').selectAll().where('id', 'in', ids).where(taskVisibleSql(user, at, 'tasks')).execute();
  const updates = rows.length === 0 ? [] : await db.selectFrom('task_updates').selectAll()
    .where('task_id', 'in', rows.map((t) => t.id)).orderBy('created_at').orderBy('id').execute();
  const cases = await loadCasePolicies(db, user, rows.map((t) => t.case_id));
  const mayUpdate = (t: (typeof rows)[number]) => {
    const c = cases.get(t.case_id);
    const task = { assigneeAgencyId: t.assignee_agency_id, assigneeTeamId: t.assignee_team_id, assigneeUserId: t.assignee_user_id };
    return c !== undefined && canUpdateTask(user, task, c, at);
  };
  return byId(rows.map((t) => ({
    entity: 'task' as const,
    data: SyncTaskSchema.parse({
      id: t.id, caseId: t.case_id, title: t.title, description: t.description, assigneeAgencyId: t.assignee_agency_id,
      assigneeTeamId: t.assignee_team_id, assigneeUserId: t.assignee_user_id, dueDate: t.due_date, status: t.status,
      createdBy: t.created_by, createdAt: t.created_at, updatedAt: t.updated_at, version: t.version,
      updates: updates.filter((u) => u.task_id === t.id)
        .map((u) => ({ id: u.id, authorUserId: u.author_user_id, body: u.body, createdAt: u.created_at })),
      abilities: { update: mayUpdate(t) },
    }),
  })));
};

/** Markers the user may see. */
export const loadMarkers: SyncLoader = async (db, user, at, ids) => {
  const rows = await db.selectFrom('markers').selectAll().where('id', 'in', ids).where(markerVisibleSql(user, at, 'markers')).execute();
  return byId(rows.map((m) => ({
    entity: 'marker' as const,
    data: SyncMarkerSchema.parse({
      id: m.id, subjectType: m.subject_type, subjectId: m.subject_id, markerType: m.marker_type, description: m.description,
      ownerAgencyId: m.owner_agency_id, reviewDate: m.review_date, expiresAt: m.expires_at,
      createdAt: m.created_at, updatedAt: m.updated_at, version: m.version, abilities: { update: m.owner_agency_id === user.agencyId },
    }),
  })));
};

/** Access requests the user made or decides on. */
export const loadAccessRequests: SyncLoader = async (db, user, _at, ids) => {
  const rows = await db.selectFrom('access_requests').selectAll().where('id', 'in', ids)
    .where(accessRequestVisibleSql(user, 'access_requests')).execute();
  return byId(rows.map((r) => ({
    entity: 'access_request' as const,
    data: SyncAccessRequestSchema.parse({
      id: r.id, resourceType: r.resource_type, resourceId: r.resource_id, ownerAgencyId: r.owner_agency_id,
      requesterUserId: r.requester_user_id, requesterAgencyId: r.requester_agency_id, reason: r.reason, status: r.status,
      decidedBy: r.decided_by, decidedAt: r.decided_at, decisionNote: r.decision_note, grantExpiresAt: r.grant_expires_at,
      createdAt: r.created_at, version: r.version,
      abilities: { decide: r.status === 'pending' && mayDecide(user, r) },
    }),
  })));
};

/** Document metadata the user may see. */
export const loadDocuments: SyncLoader = async (db, user, at, ids) => {
  const rows = await db.selectFrom('documents').selectAll().where('id', 'in', ids).where(documentVisibleSql(user, at, 'documents')).execute();
  return byId(rows.map((d) => ({
    entity: 'document' as const,
    data: SyncDocumentSchema.parse({
      id: d.id, caseId: d.case_id, reportId: d.report_id, fileName: d.file_name, contentType: d.content_type,
      sizeBytes: d.size_bytes, sha256: d.sha256, ownerAgencyId: d.owner_agency_id, ownerTeamId: d.owner_team_id,
      uploadedBy: d.uploaded_by, sharingLevel: d.sharing_level, createdAt: d.created_at,
      abilities: documentAbilities(user, { uploadedBy: d.uploaded_by, ownerAgencyId: d.owner_agency_id }),
    }),
  })));
};
