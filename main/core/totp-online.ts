/**
 * The authenticator-app (TOTP) channels: set-up at sign-in by password, and a signed-in user's own
 * set-up. Each goes straight to the server; the desktop keeps no secret: it is answered to the
 * screen that shows it and nothing is written to the cache, the keychain or a log.
 */
import type { ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { ApiClient } from '../api/api-client.ts';
import { whenOnline } from './when-online.ts';

/** Offline, `network_error` in this channel's words. */
const online = <T>(run: () => Promise<T>): Promise<T> => whenOnline('Setting up an authenticator app needs a connection to the server: try again when this computer is connected.', run);

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
