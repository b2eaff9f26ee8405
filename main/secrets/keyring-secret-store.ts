/** The default SecretStore: the OS keychain through @napi-rs/keyring (Credential Manager, Keychain, Secret Service). */
import { AsyncEntry } from '@napi-rs/keyring';
import { CodedError } from '../../domain/errors.ts';
import type { SecretStore } from './secret-store.ts';

/** A SecretStore on the OS keychain under one service name. */
export function createKeyringSecretStore(service: string): SecretStore {
  const entry = (account: string) => new AsyncEntry(service, account);
  return {
    get: (account) => guard(async () => (await entry(account).getPassword()) ?? null),
    set: (account, value) => guard(() => entry(account).setPassword(value)),
    delete: (account) => guard(async () => {
      await entry(account).deleteCredential();
    }),
  };
}

// Keychain failures (no Secret Service, locked keyring) become one clear, secret-free error.
async function guard<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : 'unknown error';
    throw new CodedError('keychain_unavailable', `The operating system keychain is not available (${reason}).`);
  }
}
