/** Wraps the API client so a `device_revoked` answer from any call starts the local wipe. */
import { CodedError } from '../../domain/errors.ts';
import type { ApiClient } from '../api/api-client.ts';

/** The same client; on `device_revoked` it calls `onRevoked` (not awaited: the caller may hold the cache) and rethrows. */
export function watchDeviceRevoked(api: ApiClient, onRevoked: () => void): ApiClient {
  const watch = (error: unknown): never => {
    if (error instanceof CodedError && error.code === 'device_revoked') {
      onRevoked();
    }
    throw error;
  };
  return {
    call: (name, input) => api.call(name, input).catch(watch),
    download: (name, input, maxBytes) => api.download(name, input, maxBytes).catch(watch),
  };
}
