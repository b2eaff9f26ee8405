/** Cases, sharing, subjects, links, case locations, reports, tasks and markers. */
import { z } from 'zod';
import {
  AddCaseSubjectBodySchema, CaseDetailSchema, CaseLinkBodySchema, CaseListQuerySchema, CaseListSchema, CaseLocationBodySchema, CaseSharingBodySchema,
  CaseSubjectBodySchema, CaseSummarySchema, CaseTransferBodySchema, CreateCaseBodySchema, PatchCaseBodySchema,
} from '../entities/case.ts';
import { CreateMarkerBodySchema, MarkerListQuerySchema, MarkerRecordSchema, PatchMarkerBodySchema } from '../entities/marker.ts';
import { CreateReportBodySchema, PatchReportBodySchema, ReportRecordSchema, ReportVersionRecordSchema } from '../entities/report.ts';
import {
  CreateTaskBodySchema, PatchTaskBodySchema, TaskDetailSchema, TaskListQuerySchema, TaskRecordSchema, TaskUpdateBodySchema,
} from '../entities/task.ts';
import { IdSchema } from '../ids.ts';
import { defineRoute } from './route.ts';

const NoQuery = z.object({}).strict();
const NoBody = z.undefined();
const ById = z.object({ id: IdSchema });

export const caseRoutes = {
  listCases: defineRoute({
    method: 'GET', path: '/cases', auth: true, tag: 'cases', summary: 'The cases the caller may see, filtered and paged',
    query: CaseListQuerySchema, body: NoBody, response: CaseListSchema,
  }),
  getCase: defineRoute({
    method: 'GET', path: '/cases/:id', auth: true, tag: 'cases', summary: 'One case with subjects, links, locations and markers (audited)',
    params: ById, query: NoQuery, body: NoBody, response: CaseDetailSchema,
  }),
  createCase: defineRoute({
    method: 'POST', path: '/cases', auth: true, tag: 'cases', summary: 'Opens a case owned by the caller\'s agency',
    query: NoQuery, body: CreateCaseBodySchema, response: CaseSummarySchema,
  }),
  updateCase: defineRoute({
    method: 'PATCH', path: '/cases/:id', auth: true, tag: 'cases', summary: 'Changes case fields (risk and status need expectedVersion)',
    params: ById, query: NoQuery, body: PatchCaseBodySchema, response: CaseSummarySchema,
  }),
  shareCase: defineRoute({
    method: 'PUT', path: '/cases/:id/sharing', auth: true, tag: 'cases', summary: 'Replaces who may see a case',
    params: ById, query: NoQuery, body: CaseSharingBodySchema, response: CaseSummarySchema,
  }),
  transferCase: defineRoute({
    method: 'POST', path: '/cases/:id/transfer', auth: true, tag: 'cases', summary: 'Transfers a case to another agency',
    params: ById, query: NoQuery, body: CaseTransferBodySchema, response: z.object({ id: IdSchema, version: z.number().int() }),
  }),
  addCaseSubject: defineRoute({
    method: 'POST', path: '/cases/:id/subjects', auth: true, tag: 'cases',
    summary: 'Adds a person to a case in a role (a person seen only as a stub needs a reason, reveals the minimal profile and notifies their owner agency)',
    params: ById, query: NoQuery, body: AddCaseSubjectBodySchema, response: CaseDetailSchema,
  }),
  removeCaseSubject: defineRoute({
    method: 'DELETE', path: '/cases/:id/subjects', auth: true, tag: 'cases', summary: 'Removes a person in a role from a case',
    params: ById, query: NoQuery, body: CaseSubjectBodySchema, response: CaseDetailSchema,
  }),
  addCaseLink: defineRoute({
    method: 'POST', path: '/cases/:id/links', auth: true, tag: 'cases', summary: 'Links two cases the caller may both see',
    params: ById, query: NoQuery, body: CaseLinkBodySchema, response: CaseDetailSchema,
  }),
  addCaseLocation: defineRoute({
    method: 'POST', path: '/cases/:id/locations', auth: true, tag: 'cases', summary: 'Adds a location to a case',
    params: ById, query: NoQuery, body: CaseLocationBodySchema, response: CaseDetailSchema,
  }),
  createReport: defineRoute({
    method: 'POST', path: '/cases/:id/reports', auth: true, tag: 'reports', summary: 'Adds a report to a case',
    params: ById, query: NoQuery, body: CreateReportBodySchema, response: ReportRecordSchema,
  }),
  listCaseReports: defineRoute({
    method: 'GET', path: '/cases/:id/reports', auth: true, tag: 'reports', summary: 'The reports of a case the caller may see',
    params: ById, query: NoQuery, body: NoBody, response: z.object({ reports: z.array(ReportRecordSchema) }),
  }),
  getReport: defineRoute({
    method: 'GET', path: '/reports/:id', auth: true, tag: 'reports', summary: 'One report (audited)',
    params: ById, query: NoQuery, body: NoBody, response: ReportRecordSchema,
  }),
  updateReport: defineRoute({
    method: 'PATCH', path: '/reports/:id', auth: true, tag: 'reports', summary: 'Edits a report (author only; versions kept)',
    params: ById, query: NoQuery, body: PatchReportBodySchema, response: ReportRecordSchema,
  }),
  listReportVersions: defineRoute({
    method: 'GET', path: '/reports/:id/versions', auth: true, tag: 'reports', summary: 'Every version of a report, oldest first',
    params: ById, query: NoQuery, body: NoBody, response: z.object({ versions: z.array(ReportVersionRecordSchema) }),
  }),
  createTask: defineRoute({
    method: 'POST', path: '/cases/:id/tasks', auth: true, tag: 'tasks', summary: 'Assigns a task on a case',
    params: ById, query: NoQuery, body: CreateTaskBodySchema, response: TaskDetailSchema,
  }),
  listTasks: defineRoute({
    method: 'GET', path: '/tasks', auth: true, tag: 'tasks', summary: 'Tasks the caller may see (mine=true: assigned to them)',
    query: TaskListQuerySchema, body: NoBody, response: z.object({ tasks: z.array(TaskRecordSchema) }),
  }),
  getTask: defineRoute({
    method: 'GET', path: '/tasks/:id', auth: true, tag: 'tasks', summary: 'One task with its updates (audited)',
    params: ById, query: NoQuery, body: NoBody, response: TaskDetailSchema,
  }),
  updateTask: defineRoute({
    method: 'PATCH', path: '/tasks/:id', auth: true, tag: 'tasks', summary: 'Changes a task (assignee or case owner agency)',
    params: ById, query: NoQuery, body: PatchTaskBodySchema, response: TaskDetailSchema,
  }),
  addTaskUpdate: defineRoute({
    method: 'POST', path: '/tasks/:id/updates', auth: true, tag: 'tasks', summary: 'Adds an update to a task\'s thread',
    params: ById, query: NoQuery, body: TaskUpdateBodySchema, response: TaskDetailSchema,
  }),
  createMarker: defineRoute({
    method: 'POST', path: '/markers', auth: true, tag: 'markers', summary: 'Places a marker on a case, person or location',
    query: NoQuery, body: CreateMarkerBodySchema, response: MarkerRecordSchema,
  }),
  listMarkers: defineRoute({
    method: 'GET', path: '/markers', auth: true, tag: 'markers', summary: 'The markers on a subject the caller may see',
    query: MarkerListQuerySchema, body: NoBody, response: z.object({ markers: z.array(MarkerRecordSchema) }),
  }),
  updateMarker: defineRoute({
    method: 'PATCH', path: '/markers/:id', auth: true, tag: 'markers', summary: 'Changes a marker (owner agency only)',
    params: ById, query: NoQuery, body: PatchMarkerBodySchema, response: MarkerRecordSchema,
  }),
} as const;
