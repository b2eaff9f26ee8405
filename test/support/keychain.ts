/** The real OS keychain for tests: a unique service name per run, cleaned up afterwards. */
import { randomBytes } from 'node:crypto';
import { createKeyringSecretStore } from '../../main/secrets/keyring-secret-store.ts';
import type { SecretStore } from '../../main/secrets/secret-store.ts';

/** A keyring-backed store under a throwaway service name, remembering what it wrote. */
export function createTestKeychain(): SecretStore & { service: string; accounts: Set<string>; cleanup(): Promise<void> } {
  const service = `casebridge-test-${randomBytes(6).toString('hex')}`;
  const store = createKeyringSecretStore(service);
  const accounts = new Set<string>();
  return {
    service,
    accounts,
    get: (account) => store.get(account),
    set: async (account, value) => {
      accounts.add(account);
      await store.set(account, value);
    },
    delete: (account) => store.delete(account),
    cleanup: async () => {
      for (const account of accounts) {
        await store.delete(account).catch(() => undefined);
      }
    },
  };
}
