/** Wraps the API client so a `device_revoked` answer from any call starts the local wipe. */
import { CodedError } from '../../domain/errors.ts';
import type { ApiClient } from '../api/api-client.ts';

/** The same client; on `device_revoked` it calls `onRevoked` (not awaited: the caller may hold the cache) and rethrows. */
export function watchDeviceRevoked(api: ApiClient, onRevoked: () => void): ApiClient {
  return {
    async call(name, input) {
      try {
        return await api.call(name, input);
      } catch (error) {
        if (error instanceof CodedError && error.code === 'device_revoked') {
          onRevoked();
        }
        throw error;
      }
    },
  };
}
