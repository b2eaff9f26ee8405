/** The machine-wide admin policy (docs/security.md): its zod schema, its defaults, and what one source may set. */
import { z } from 'zod';
import { LOOPBACK_HOSTS } from './server-transport.ts';

/** https only, except plain http to this machine (the embedded dev server); no credentials in the URL. */
export const PolicyServerUrlSchema = z.url().refine(
  (value) => {
    const url = new URL(value);
    const transportOk = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
    return transportOk && url.username === '' && url.password === '';
  },
  { message: 'must be an https URL (http only for 127.0.0.1 or localhost) without user name or password' },
);

const fields = {
  serverUrl: PolicyServerUrlSchema,
  idleLockMinutes: z.number().int().min(1).max(240),
  offlineLeaseHours: z.number().int().min(1).max(720),
  offlineAllowed: z.boolean(),
  contentProtection: z.boolean(),
  exportsAllowed: z.boolean(),
  secretStore: z.enum(['keychain', 'safeStorage']),
};

/** What one policy source (the JSON file, the registry) sets: any subset, unknown keys refused so a typo is never ignored. */
export const PolicyOverridesSchema = z
  .object({
    serverUrl: fields.serverUrl.optional(),
    idleLockMinutes: fields.idleLockMinutes.optional(),
    offlineLeaseHours: fields.offlineLeaseHours.optional(),
    offlineAllowed: fields.offlineAllowed.optional(),
    contentProtection: fields.contentProtection.optional(),
    exportsAllowed: fields.exportsAllowed.optional(),
    secretStore: fields.secretStore.optional(),
  })
  .strict();

/** The effective admin policy: every field but the server URL has a default. */
export const AdminPolicySchema = z
  .object({
    serverUrl: fields.serverUrl.optional(),
    idleLockMinutes: fields.idleLockMinutes.default(10),
    offlineLeaseHours: fields.offlineLeaseHours.default(72),
    offlineAllowed: fields.offlineAllowed.default(true),
    contentProtection: fields.contentProtection.default(true),
    exportsAllowed: fields.exportsAllowed.default(true),
    // The OS keychain through @napi-rs/keyring; `safeStorage` is Electron's alternative (docs/sync.md).
    secretStore: fields.secretStore.default('keychain'),
  })
  .strict();

/** The admin policy with defaults applied. */
export type AdminPolicy = z.output<typeof AdminPolicySchema>;
/** The fields one source sets. */
export type PolicyOverrides = z.output<typeof PolicyOverridesSchema>;
/** Where the desktop keeps the cache key and the refresh token. */
export type SecretStoreChoice = AdminPolicy['secretStore'];
/** Every allowed `secretStore` value (the ADMX template offers exactly these). */
export const SECRET_STORE_CHOICES: readonly SecretStoreChoice[] = fields.secretStore.options;
/** The name of one policy field. */
export type PolicyField = keyof AdminPolicy;

/** The policy when no admin has set anything. */
export const DEFAULT_POLICY: AdminPolicy = AdminPolicySchema.parse({});

/** Parses one source's values; a failure names the field and says what is wrong with it. */
export function parsePolicyOverrides(input: unknown): { ok: true; value: PolicyOverrides } | { ok: false; message: string } {
  const parsed = PolicyOverridesSchema.safeParse(input);
  if (parsed.success) {
    return { ok: true, value: parsed.data };
  }
  const message = parsed.error.issues
    .map((issue) => {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : issue.path.join('.');
      return keys ? `${keys}: ${issue.message}` : issue.message;
    })
    .join('; ');
  return { ok: false, message };
}
