/** Documents and access requests. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { AccessRequestRecordSchema, AccessRequestStatusSchema, AccessResourceTypeSchema, MIN_REASON_LENGTH } from '../entities/access-request.ts';
import { DocumentRecordSchema } from '../entities/document.ts';
import { defineRoute } from './route.ts';

const NoQuery = z.object({}).strict();
const NoBody = z.undefined();
/** Path parameters of routes on one document, request or grant. */
export const IdParams = z.object({ id: IdSchema }).strict();
/** Path parameters of routes on a case's documents. */
export const CaseParams = z.object({ caseId: IdSchema }).strict();
const Note = z.string().trim().min(1).max(2000);
const Version = z.number().int().positive();

export const documentRoutes = {
  uploadDocument: defineRoute({
    method: 'POST', path: '/cases/:caseId/documents', auth: true, tag: 'documents',
    summary: 'Upload a document (multipart/form-data: one `file` part; optional fields reportId, sharingLevel, teamId, shares as JSON)',
    params: CaseParams, query: NoQuery, body: z.unknown(), response: DocumentRecordSchema,
  }),
  listCaseDocuments: defineRoute({
    method: 'GET', path: '/cases/:caseId/documents', auth: true, tag: 'documents', summary: 'The documents of a case the caller may see',
    params: CaseParams, query: NoQuery, body: NoBody, response: z.object({ documents: z.array(DocumentRecordSchema) }),
  }),
  getDocument: defineRoute({
    method: 'GET', path: '/documents/:id', auth: true, tag: 'documents', summary: "A document's metadata",
    params: IdParams, query: NoQuery, body: NoBody, response: DocumentRecordSchema,
  }),
  downloadDocument: defineRoute({
    method: 'GET', path: '/documents/:id/content', auth: true, tag: 'documents',
    summary: "Download a document's content (binary, as an attachment, after its SHA-256 is verified)",
    params: IdParams, query: NoQuery, body: NoBody, response: z.unknown(),
  }),
  deleteDocument: defineRoute({
    method: 'DELETE', path: '/documents/:id', auth: true, tag: 'documents', summary: 'Delete a document and its content',
    params: IdParams, query: NoQuery, body: NoBody, response: z.object({ id: IdSchema, deleted: z.literal(true) }),
  }),
  requestAccess: defineRoute({
    method: 'POST', path: '/access-requests', auth: true, tag: 'access-requests',
    summary: 'Ask the owner agency for access to a case or person record the caller cannot see',
    query: NoQuery,
    body: z.object({ resourceType: AccessResourceTypeSchema, resourceId: IdSchema, reason: z.string().trim().min(MIN_REASON_LENGTH).max(2000) }).strict(),
    response: AccessRequestRecordSchema,
  }),
  listAccessRequests: defineRoute({
    method: 'GET', path: '/access-requests', auth: true, tag: 'access-requests',
    summary: "The caller's own requests and those their agency must decide",
    query: z.object({ status: AccessRequestStatusSchema.optional() }).strict(), body: NoBody,
    response: z.object({ requests: z.array(AccessRequestRecordSchema) }),
  }),
  approveAccessRequest: defineRoute({
    method: 'POST', path: '/access-requests/:id/approve', auth: true, tag: 'access-requests',
    summary: 'Approve a pending request, granting access until expiresAt (at most 90 days ahead)',
    params: IdParams, query: NoQuery,
    body: z.object({ expiresAt: TimestampSchema, note: Note.optional(), expectedVersion: Version }).strict(),
    response: AccessRequestRecordSchema,
  }),
  denyAccessRequest: defineRoute({
    method: 'POST', path: '/access-requests/:id/deny', auth: true, tag: 'access-requests', summary: 'Deny a pending request',
    params: IdParams, query: NoQuery, body: z.object({ note: Note, expectedVersion: Version }).strict(),
    response: AccessRequestRecordSchema,
  }),
  revokeAccessGrant: defineRoute({
    method: 'POST', path: '/access-grants/:id/revoke', auth: true, tag: 'access-requests', summary: 'Revoke an access grant before it expires',
    params: IdParams, query: NoQuery, body: z.object({ note: Note.optional() }).strict().optional(),
    response: AccessRequestRecordSchema,
  }),
} as const;
