/** Documents: files attached to a case (or a report), with their content. */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { DocumentRecordSchema } from '../entities/document.ts';
import { DocumentSharingBodySchema } from '../entities/sharing.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

/** Path parameters of routes on a case's documents. */
export const CaseParams = z.object({ caseId: IdSchema }).strict();

export const documentRoutes = {
  uploadDocument: defineRoute({
    method: 'POST', path: '/cases/:caseId/documents', auth: true, tag: 'documents',
    summary: 'Upload a document (multipart/form-data: one `file` part; optional fields documentId (a client-made id: the same upload again answers the stored document), reportId, sharingLevel, teamId, shares as JSON)',
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
  shareDocument: defineRoute({
    method: 'PUT', path: '/documents/:id/sharing', auth: true, tag: 'documents',
    summary: "Replaces a document's restriction (uploader or a manager of its agency; never wider than its case; compare-and-set on the sharing last seen)",
    params: IdParams, query: NoQuery, body: DocumentSharingBodySchema, response: DocumentRecordSchema,
  }),
  deleteDocument: defineRoute({
    method: 'DELETE', path: '/documents/:id', auth: true, tag: 'documents', summary: 'Delete a document and its content',
    params: IdParams, query: NoQuery, body: NoBody, response: z.object({ id: IdSchema, deleted: z.literal(true) }),
  }),
} as const;
