/** Asking an owner agency for access to a record the user cannot see, and deciding such requests (the server's access requests; they need a connection). */
import { z } from 'zod';
import { AccessRequestRecordSchema } from '../entities/access-request.ts';
import { accessRequestRoutes, CaseSignpostSchema, RequestAccessBodySchema } from '../http/access-request-routes.ts';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';

/** The request as the server's route takes it: the record asked for and the reason, with the route's own limits. */
export const AccessRequestCreateInputSchema = RequestAccessBodySchema;

/** A request as the desktop lists it: the server's record, and the record it is about as this computer's copy names it. */
export const AccessRequestViewSchema = AccessRequestRecordSchema.extend({
  /** The case reference and title, or the person's name, when the offline copy holds the record; null otherwise. */
  resourceLabel: z.string().nullable(),
});
/** One request in the lists. */
export type AccessRequestView = z.infer<typeof AccessRequestViewSchema>;

const approveBody = accessRequestRoutes.approveAccessRequest.body;
const denyBody = accessRequestRoutes.denyAccessRequest.body;

/** Approving: the request, its version as loaded (compare-and-set) and the grant's expiry, with the route's limits. */
export const AccessRequestApproveInputSchema = approveBody.extend({ id: IdSchema }).strict();
/** Denying: the request, its version as loaded and the reason the requester is shown. */
export const AccessRequestDenyInputSchema = denyBody.extend({ id: IdSchema }).strict();
/** Revoking a grant before it expires. */
export const AccessGrantRevokeInputSchema = z.object({ grantId: IdSchema, note: z.string().trim().min(1).max(2000).optional() }).strict();

export const accessRequestChannels = {
  /** Sends a request to the record's owner agency; `network_error` when the server cannot be reached. */
  'accessRequests.create': defineChannel({ input: AccessRequestCreateInputSchema, output: AccessRequestRecordSchema, needsSession: true }),
  /** The user's own requests and those their agency must decide, newest first, from the server. */
  'accessRequests.list': defineChannel({
    input: z.null(), output: z.object({ requests: z.array(AccessRequestViewSchema) }), needsSession: true,
  }),
  /** Approves a pending request with a grant until `expiresAt`; `conflict` when it was decided or changed meanwhile. */
  'accessRequests.approve': defineChannel({ input: AccessRequestApproveInputSchema, output: AccessRequestRecordSchema, needsSession: true }),
  /** Denies a pending request with a reason; `conflict` when it was decided or changed meanwhile. */
  'accessRequests.deny': defineChannel({ input: AccessRequestDenyInputSchema, output: AccessRequestRecordSchema, needsSession: true }),
  /** A case by its exact reference, from the server: visible, a signpost to ask its owner agency, or null. */
  'accessRequests.findCase': defineChannel({
    input: accessRequestRoutes.signpostCase.query, output: z.object({ result: CaseSignpostSchema }), needsSession: true,
  }),
  /** Revokes an approved request's grant before it expires. */
  'accessRequests.revokeGrant': defineChannel({ input: AccessGrantRevokeInputSchema, output: AccessRequestRecordSchema, needsSession: true }),
} as const;
