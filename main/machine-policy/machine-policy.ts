/** Loads this machine's admin policy from the real sources: the OS's policy file and, on Windows, HKLM. */
import { join } from 'node:path';
import { createFileLastGoodStore } from './last-good-store.ts';
import { loadAdminPolicy, type LoadedPolicy } from './load-admin-policy.ts';
import { policyFilePath } from './policy-file.ts';
import { createRegQueryReader } from './registry-reader.ts';

/** The file in the data dir that keeps the last valid policy of each source. */
export const LAST_GOOD_POLICY_FILE = 'policy-last-good.json';

/** Reads the machine policy; the last good copy lives in `dataDir`. Never throws. */
export function loadMachinePolicy(dataDir: string, env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): Promise<LoadedPolicy> {
  return loadAdminPolicy({
    filePath: policyFilePath(env, platform),
    ...(platform === 'win32' ? { registry: createRegQueryReader() } : {}),
    lastGood: createFileLastGoodStore(join(dataDir, LAST_GOOD_POLICY_FILE)),
  });
}
