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

export const accessRequestRoutes = {
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
