/** Cases, sharing, subjects, links and case locations. */
import { z } from 'zod';
import {
  AddCaseSubjectBodySchema, CaseDetailSchema, CaseLinkBodySchema, CaseListQuerySchema, CaseListSchema, CaseLocationBodySchema, CaseSharingBodySchema,
  CaseSubjectBodySchema, CaseSummarySchema, CaseTransferBodySchema, CreateCaseBodySchema, PatchCaseBodySchema,
} from '../entities/case.ts';
import { CaseSharingViewSchema } from '../entities/sharing.ts';
import { IdSchema } from '../ids.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

export const caseRoutes = {
  listCases: defineRoute({
    method: 'GET', path: '/cases', auth: true, tag: 'cases', summary: 'The cases the caller may see, filtered and paged',
    query: CaseListQuerySchema, body: NoBody, response: CaseListSchema,
  }),
  getCase: defineRoute({
    method: 'GET', path: '/cases/:id', auth: true, tag: 'cases', summary: 'One case with subjects, links, locations and markers (audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: CaseDetailSchema,
  }),
  createCase: defineRoute({
    method: 'POST', path: '/cases', auth: true, tag: 'cases', summary: 'Opens a case owned by the caller\'s agency',
    query: NoQuery, body: CreateCaseBodySchema, response: CaseSummarySchema,
  }),
  updateCase: defineRoute({
    method: 'PATCH', path: '/cases/:id', auth: true, tag: 'cases', summary: 'Changes case fields (risk and status need expectedVersion)',
    params: IdParams, query: NoQuery, body: PatchCaseBodySchema, response: CaseSummarySchema,
  }),
  shareCase: defineRoute({
    method: 'PUT', path: '/cases/:id/sharing', auth: true, tag: 'cases', summary: 'Replaces who may see a case',
    params: IdParams, query: NoQuery, body: CaseSharingBodySchema, response: CaseSummarySchema,
  }),
  getCaseSharing: defineRoute({
    method: 'GET', path: '/cases/:id/sharing', auth: true, tag: 'cases',
    summary: "A case's sharing and the agencies (teams, active users) the caller's agency may share with (audited)",
    params: IdParams, query: NoQuery, body: NoBody, response: CaseSharingViewSchema,
  }),
  transferCase: defineRoute({
    method: 'POST', path: '/cases/:id/transfer', auth: true, tag: 'cases', summary: 'Transfers a case to another agency',
    params: IdParams, query: NoQuery, body: CaseTransferBodySchema, response: z.object({ id: IdSchema, version: z.number().int() }),
  }),
  addCaseSubject: defineRoute({
    method: 'POST', path: '/cases/:id/subjects', auth: true, tag: 'cases',
    summary: 'Adds a person to a case in a role (a person seen only as a stub needs a reason, reveals the minimal profile and notifies their owner agency)',
    params: IdParams, query: NoQuery, body: AddCaseSubjectBodySchema, response: CaseDetailSchema,
  }),
  removeCaseSubject: defineRoute({
    method: 'DELETE', path: '/cases/:id/subjects', auth: true, tag: 'cases', summary: 'Removes a person in a role from a case',
    params: IdParams, query: NoQuery, body: CaseSubjectBodySchema, response: CaseDetailSchema,
  }),
  addCaseLink: defineRoute({
    method: 'POST', path: '/cases/:id/links', auth: true, tag: 'cases', summary: 'Links two cases the caller may both see',
    params: IdParams, query: NoQuery, body: CaseLinkBodySchema, response: CaseDetailSchema,
  }),
  addCaseLocation: defineRoute({
    method: 'POST', path: '/cases/:id/locations', auth: true, tag: 'cases', summary: 'Adds a location to a case',
    params: IdParams, query: NoQuery, body: CaseLocationBodySchema, response: CaseDetailSchema,
  }),
} as const;
