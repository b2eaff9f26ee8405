/** The `accessRequests.create` channel: asks the owner agency of a record the user cannot see for access, through the server. */
import type { AccessRequestRecord } from '../../domain/entities/access-request.ts';
import { CodedError } from '../../domain/errors.ts';
import type { ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { ApiClient } from '../api/api-client.ts';

// The server could not be reached (a too-many-requests refusal is not being offline, so it passes through).
const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['network_error', 'server_unavailable']);

/** What the request needs: the API and an access token. */
export interface RequestAccessDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/**
 * The server's record of the new request. The server validates, audits and refuses (a pending
 * duplicate or a record already visible is `conflict`); its refusals pass through unchanged.
 * A request is not queued for later: offline, `network_error` saying it needs a connection.
 */
export async function requestAccess(deps: RequestAccessDeps, input: ChannelParsedInput<'accessRequests.create'>): Promise<AccessRequestRecord> {
  try {
    return await deps.api.call('requestAccess', { body: input, accessToken: await deps.accessToken() });
  } catch (error) {
    if (error instanceof CodedError && UNREACHABLE_CODES.has(error.code)) {
      throw new CodedError('network_error', 'Asking for access needs a connection: try again when this computer is connected.');
    }
    throw error;
  }
}
