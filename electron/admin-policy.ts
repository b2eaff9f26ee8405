/** Applies the effective admin policy to the shell: which server, whether to block screen capture. */
import type { EffectiveSettings } from '../main/machine-policy/effective-settings.ts';
import type { PolicyWarning } from '../main/machine-policy/load-admin-policy.ts';
import type { ShellConfig } from './shell-config.ts';

/** The server URL from policy wins over the environment and the dev default; a managed desktop cannot be redirected. */
export function applyAdminPolicy(config: ShellConfig, settings: EffectiveSettings): ShellConfig {
  return settings.serverUrl === undefined ? config : { ...config, serverUrl: settings.serverUrl };
}

/** One log line per warning; the messages name the source and field, never a value a user typed. */
export function formatPolicyWarnings(warnings: readonly PolicyWarning[]): string[] {
  return warnings.map((warning) => `Casebridge admin policy (${warning.source}): ${warning.message}`);
}
