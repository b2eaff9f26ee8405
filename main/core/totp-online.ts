/**
 * The authenticator-app (TOTP) channels: set-up at sign-in by password, and a signed-in user's own
 * set-up. Each goes straight to the server; the desktop keeps no secret: it is answered to the
 * screen that shows it and nothing is written to the cache, the keychain or a log.
 */
import { CodedError } from '../../domain/errors.ts';
import type { ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { ApiClient } from '../api/api-client.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';

/** Runs a server call; offline, `network_error` saying setting up an app needs a connection. */
async function online<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CodedError && OFFLINE_CODES.has(error.code)) {
      throw new CodedError('network_error', 'Setting up an authenticator app needs a connection to the server: try again when this computer is connected.');
    }
    throw error;
  }
}

/** What the signed-in channels need: the API and the session's access token. */
export interface AccountTotpDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/** The TOTP channel handlers. */
export function totpHandlers(api: ApiClient, signedIn: () => AccountTotpDeps) {
  return {
    'session.totpSetup': ({ username, password, setupToken }: ChannelParsedInput<'session.totpSetup'>): Promise<ChannelOutput<'session.totpSetup'>> =>
      online(() => api.call('totpSetup', { body: { username, password, ...(setupToken === undefined ? {} : { setupToken }) } })),
    'account.totpEnrol': (): Promise<ChannelOutput<'account.totpEnrol'>> => {
      const d = signedIn();
      return online(async () => d.api.call('totpEnrol', { accessToken: await d.accessToken() }));
    },
    'account.totpConfirm': ({ code }: ChannelParsedInput<'account.totpConfirm'>): Promise<ChannelOutput<'account.totpConfirm'>> => {
      const d = signedIn();
      return online(async () => {
        await d.api.call('totpConfirm', { body: { code }, accessToken: await d.accessToken() });
        return null;
      });
    },
  };
}
