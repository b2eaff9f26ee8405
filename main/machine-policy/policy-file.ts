/** Where the machine-wide policy file lives on each OS, and reading it into a typed outcome. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parsePolicyOverrides, type PolicyOverrides } from './admin-policy.ts';

/** The machine-wide file: `CASEBRIDGE_POLICY_FILE` (tests), else the OS's machine-wide configuration folder. */
export function policyFilePath(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CASEBRIDGE_POLICY_FILE) {
    return env.CASEBRIDGE_POLICY_FILE;
  }
  if (platform === 'win32') {
    return join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Casebridge', 'policy.json');
  }
  if (platform === 'darwin') {
    return '/Library/Application Support/Casebridge/policy.json';
  }
  return '/etc/casebridge/policy.json';
}

/** A source read: nothing there, usable values, or something an admin wrote that cannot be used. */
export type SourceOutcome = { kind: 'missing' } | { kind: 'ok'; values: PolicyOverrides } | { kind: 'invalid'; message: string };

/** Reads and validates the policy file; never throws. */
export async function readPolicyFile(path: string): Promise<SourceOutcome> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') {
      return { kind: 'missing' };
    }
    // Present but unreadable (permissions, a folder): a policy may exist, so this is not "missing".
    return { kind: 'invalid', message: `${path} cannot be read.` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'invalid', message: `${path} is not valid JSON.` };
  }
  const parsed = parsePolicyOverrides(json);
  return parsed.ok ? { kind: 'ok', values: parsed.value } : { kind: 'invalid', message: `${path}: ${parsed.message}` };
}
