/** Access requests: asking an owner agency for a case or person record, and the grants it gives. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { AccessRequestRecordSchema, AccessRequestStatusSchema, AccessResourceTypeSchema, MIN_REASON_LENGTH } from '../entities/access-request.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

const Note = z.string().trim().min(1).max(2000);
const Version = z.number().int().positive();

/** What a request for access carries: the record asked for and a real reason (at least MIN_REASON_LENGTH characters). */
export const RequestAccessBodySchema = z.object({
  resourceType: AccessResourceTypeSchema, resourceId: IdSchema, reason: z.string().trim().min(MIN_REASON_LENGTH).max(2000),
}).strict();

/**
 * A case found by its exact reference: `visible` when the caller may already open it, a signpost
 * (reference and owner agency, nothing of its content) when they may ask for access, and null
 * when there is no such case or it is hidden from search.
 */
export const CaseSignpostSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('visible'), id: IdSchema, reference: z.string() }),
  z.object({ view: z.literal('signpost'), id: IdSchema, reference: z.string(), ownerAgency: z.object({ id: IdSchema, name: z.string() }), requestAccess: z.literal(true) }),
]).nullable();
/** What a case-reference look-up answers. */
export type CaseSignpost = z.infer<typeof CaseSignpostSchema>;

export const accessRequestRoutes = {
  signpostCase: defineRoute({
    method: 'GET', path: '/case-signposts', auth: true, tag: 'access-requests',
    summary: 'Find a case by its exact reference: visible, or a signpost naming its owner agency to ask for access (audited as a search)',
    query: z.object({ reference: z.string().trim().min(3).max(64) }).strict(), body: NoBody,
    response: z.object({ result: CaseSignpostSchema }),
  }),
  requestAccess: defineRoute({
    method: 'POST', path: '/access-requests', auth: true, tag: 'access-requests',
    summary: 'Ask the owner agency for access to a case or person record the caller cannot see',
    query: NoQuery,
    body: RequestAccessBodySchema,
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
