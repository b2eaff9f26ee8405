/** Asking an owner agency for access to a record the user cannot see (the server's access requests; they need a connection). */
import { AccessRequestRecordSchema } from '../entities/access-request.ts';
import { RequestAccessBodySchema } from '../http/access-request-routes.ts';
import { defineChannel } from './channel.ts';

/** The request as the server's route takes it: the record asked for and the reason, with the route's own limits. */
export const AccessRequestCreateInputSchema = RequestAccessBodySchema;

export const accessRequestChannels = {
  /** Sends a request to the record's owner agency; `network_error` when the server cannot be reached. */
  'accessRequests.create': defineChannel({ input: AccessRequestCreateInputSchema, output: AccessRequestRecordSchema, needsSession: true }),
} as const;
