/** The `persons.searchOnline` channel: the server's search-and-signpost, which finds people beyond this computer's copy. */
import { CodedError } from '../../domain/errors.ts';
import type { OnlinePersonSearch } from '../../domain/ipc/person-channels.ts';
import type { ApiClient } from '../api/api-client.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';

/** What the search needs: the API and an access token. */
export interface OnlineSearchDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/**
 * The server's results as it gave them (full records, minimal profiles, stubs naming the agencies to
 * ask); the server audits its own search, so nothing is recorded here. Offline, `network_error`
 * saying only the offline copy could be searched.
 */
export async function searchPersonsOnline(deps: OnlineSearchDeps, input: { text: string; dateOfBirth?: string | undefined }): Promise<OnlinePersonSearch> {
  const query = input.dateOfBirth === undefined ? { q: input.text } : { q: input.text, dateOfBirth: input.dateOfBirth };
  try {
    const { results } = await deps.api.call('searchPersons', { query, accessToken: await deps.accessToken() });
    return { results };
  } catch (error) {
    if (error instanceof CodedError && OFFLINE_CODES.has(error.code)) {
      throw new CodedError('network_error', "Only this computer's copy was searched: the server's search needs a connection.");
    }
    throw error;
  }
}
