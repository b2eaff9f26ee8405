/** Runs a call the server must answer, saying in the channel's own words when this computer cannot reach it. */
import { CodedError } from '../../domain/errors.ts';
import type { ApiClient } from '../api/api-client.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';

/** What an online-only channel needs: the API and an access token. */
export interface OnlineDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/** Runs `run`; when the server cannot be reached, throws `network_error` with `offlineMessage`, else passes any error on. */
export async function whenOnline<T>(offlineMessage: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CodedError && OFFLINE_CODES.has(error.code)) {
      throw new CodedError('network_error', offlineMessage);
    }
    throw error;
  }
}
