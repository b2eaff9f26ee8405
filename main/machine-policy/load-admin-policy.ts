/** Combines the policy file and the registry into one effective policy, keeping the last good copy of a broken source. */
import { AdminPolicySchema, type AdminPolicy, type PolicyField, type PolicyOverrides } from './admin-policy.ts';
import type { LastGoodPolicy, LastGoodStore, PolicySource } from './last-good-store.ts';
import { readPolicyFile, type SourceOutcome } from './policy-file.ts';
import { readRegistryPolicy, type RegistryReader } from './registry-reader.ts';

/** Something the UI should show an administrator or user: which source and what is wrong. */
export interface PolicyWarning {
  source: PolicySource;
  message: string;
}

/** The policy in force, the fields an admin actually set (which user preferences cannot touch), and warnings. */
export interface LoadedPolicy {
  policy: AdminPolicy;
  enforced: ReadonlySet<PolicyField>;
  warnings: readonly PolicyWarning[];
}

/** Where to read from: the file path, the registry on Windows, and where last good copies live. */
export interface PolicySources {
  filePath: string;
  registry?: RegistryReader;
  lastGood: LastGoodStore;
}

/** Reads every source; the registry wins over the file per field. Never throws. */
export async function loadAdminPolicy(sources: PolicySources): Promise<LoadedPolicy> {
  const lastGood: LastGoodPolicy = { ...sources.lastGood.read() };
  const warnings: PolicyWarning[] = [];
  const file = resolveSource('file', await readPolicyFile(sources.filePath), lastGood, warnings);
  const registry = sources.registry ? resolveSource('registry', await readRegistryPolicy(sources.registry), lastGood, warnings) : {};
  sources.lastGood.write(lastGood);

  const set = { ...withoutUndefined(file), ...withoutUndefined(registry) };
  // Both sources were validated field by field; parsing again only fills in the defaults.
  const policy: AdminPolicy = AdminPolicySchema.parse(set);
  return { policy, enforced: new Set(Object.keys(set) as PolicyField[]), warnings };
}

// Updates `lastGood` in place: a good read replaces it, a missing source clears it, a broken one keeps it.
function resolveSource(source: PolicySource, outcome: SourceOutcome, lastGood: LastGoodPolicy, warnings: PolicyWarning[]): PolicyOverrides {
  if (outcome.kind === 'ok') {
    lastGood[source] = outcome.values;
    return outcome.values;
  }
  if (outcome.kind === 'missing') {
    // An admin removing the policy is a deliberate change, not an error.
    delete lastGood[source];
    return {};
  }
  const kept = lastGood[source];
  warnings.push({
    source,
    message: kept
      ? `${outcome.message} The last valid policy from this source stays in force.`
      : `${outcome.message} No earlier valid policy from this source is known; its settings use the defaults.`,
  });
  return kept ?? {};
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
