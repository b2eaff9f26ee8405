/** The `audit.search` and `audit.breakGlassCase` channels: the server's audit trail and break-glass view, which it scopes, audits and refuses. */
import type { AuditSearchPage } from '../../domain/audit/audit-search.ts';
import type { CaseDetail } from '../../domain/entities/case.ts';
import { CodedError } from '../../domain/errors.ts';
import type { ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { ApiClient } from '../api/api-client.ts';

// The server could not be reached (a too-many-requests refusal is not being offline, so it passes through).
const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['network_error', 'server_unavailable']);

/** What the search needs: the API and an access token. */
export interface AuditSearchDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/**
 * The server's page for the filters. The trail is never copied to this computer, so offline the
 * answer is `network_error` saying it needs a connection; the server's refusals pass through.
 */
export async function searchAuditOnline(deps: AuditSearchDeps, input: ChannelParsedInput<'audit.search'>): Promise<AuditSearchPage> {
  try {
    return await deps.api.call('auditEvents', { query: input, accessToken: await deps.accessToken() });
  } catch (error) {
    if (error instanceof CodedError && UNREACHABLE_CODES.has(error.code)) {
      throw new CodedError('network_error', 'The audit trail is read from the server: search again when this computer is connected.');
    }
    throw error;
  }
}

/** The server's break-glass view of a case; nothing of it is kept on this computer. Offline: `network_error`. */
export async function breakGlassCaseOnline(deps: AuditSearchDeps, input: ChannelParsedInput<'audit.breakGlassCase'>): Promise<CaseDetail> {
  try {
    return await deps.api.call('auditBreakGlassCase', { params: { id: input.caseId }, body: { justification: input.justification }, accessToken: await deps.accessToken() });
  } catch (error) {
    if (error instanceof CodedError && UNREACHABLE_CODES.has(error.code)) {
      throw new CodedError('network_error', 'A break-glass view is read from the server: try again when this computer is connected.');
    }
    throw error;
  }
}
