/** Reading HKLM policy values by spawning `reg query` (no native module), behind an interface tests can fake. */
import { execFile } from 'node:child_process';
import { parsePolicyOverrides } from './admin-policy.ts';
import type { SourceOutcome } from './policy-file.ts';

/** The registry key the ADMX template (build/policy/Casebridge.admx) writes. */
export const POLICY_REGISTRY_KEY = 'HKLM\\SOFTWARE\\Policies\\Casebridge';

/** One key's values: REG_DWORD/REG_QWORD as numbers, REG_SZ/REG_EXPAND_SZ as strings. */
export type RegistryValues = ReadonlyMap<string, string | number>;

/** The subset of the Windows registry the policy needs; `null` when the key does not exist. */
export interface RegistryReader {
  readValues(key: string): Promise<RegistryValues | null>;
}

/** Parses `reg query <key>` output; value lines are indented and separated by four spaces. */
export function parseRegQueryOutput(output: string): Map<string, string | number> {
  const values = new Map<string, string | number>();
  for (const line of output.split(/\r?\n/)) {
    const match = /^ {4}(.+?) {4}(REG_[A-Z_]+)(?: {4}(.*))?$/.exec(line);
    if (!match) {
      continue;
    }
    const [, name, type, data = ''] = match;
    if (name === undefined) {
      continue;
    }
    values.set(name, type === 'REG_DWORD' || type === 'REG_QWORD' ? Number.parseInt(data, 16) : data);
  }
  return values;
}

/** The real reader: `reg query` in the 64-bit view, where Group Policy writes. */
export function createRegQueryReader(timeoutMs = 10_000): RegistryReader {
  return {
    readValues: (key) =>
      new Promise((resolve, reject) => {
        execFile('reg', ['query', key, '/reg:64'], { timeout: timeoutMs, windowsHide: true }, (error, stdout, stderr) => {
          if (!error) {
            resolve(parseRegQueryOutput(stdout));
          } else if (/unable to find/i.test(stderr)) {
            resolve(null);
          } else {
            reject(new Error('reg query failed.'));
          }
        });
      }),
  };
}

// ADMX value name → policy field; booleans are REG_DWORD 0/1, SecretStore a REG_SZ.
const REGISTRY_FIELDS = {
  ServerUrl: 'serverUrl',
  IdleLockMinutes: 'idleLockMinutes',
  OfflineLeaseHours: 'offlineLeaseHours',
  OfflineAllowed: 'offlineAllowed',
  ContentProtection: 'contentProtection',
  ExportsAllowed: 'exportsAllowed',
  SecretStore: 'secretStore',
} as const;
const FLAGS = new Set<string>(['offlineAllowed', 'contentProtection', 'exportsAllowed']);

/** Reads the policy key into a typed outcome; values outside the ADMX names are ignored (other tools may share the key). */
export async function readRegistryPolicy(reader: RegistryReader, key: string = POLICY_REGISTRY_KEY): Promise<SourceOutcome> {
  let values: RegistryValues | null;
  try {
    values = await reader.readValues(key);
  } catch {
    return { kind: 'invalid', message: `${key} cannot be read.` };
  }
  if (values === null) {
    return { kind: 'missing' };
  }
  const input: Record<string, unknown> = {};
  for (const [valueName, field] of Object.entries(REGISTRY_FIELDS)) {
    const value = values.get(valueName);
    if (value !== undefined) {
      input[field] = FLAGS.has(field) && (value === 0 || value === 1) ? value === 1 : value;
    }
  }
  if (Object.keys(input).length === 0) {
    return { kind: 'missing' };
  }
  const parsed = parsePolicyOverrides(input);
  return parsed.ok ? { kind: 'ok', values: parsed.value } : { kind: 'invalid', message: `${key}: ${parsed.message}` };
}
