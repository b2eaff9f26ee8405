/** The `persons.matchOnline` channel: the server's duplicate check before a person is recorded. */
import { CodedError } from '../../domain/errors.ts';
import type { PersonMatchBody } from '../../domain/entities/person.ts';
import type { PersonMatches } from '../../domain/ipc/person-channels.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';
import type { OnlineSearchDeps } from './search-persons-online.ts';

/**
 * The likely matches as the server gave them (it limits each to what the user may see and audits the
 * check). Offline, `network_error` saying only this computer's copy can be checked.
 */
export async function matchPersonsOnline(deps: OnlineSearchDeps, body: PersonMatchBody): Promise<PersonMatches> {
  try {
    const { likelyMatches } = await deps.api.call('matchPersons', { body, accessToken: await deps.accessToken() });
    return { likelyMatches };
  } catch (error) {
    if (error instanceof CodedError && OFFLINE_CODES.has(error.code)) {
      throw new CodedError('network_error', "Only this computer's copy was checked: the server's duplicate check needs a connection.");
    }
    throw error;
  }
}
