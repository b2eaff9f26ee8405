/** Merges the admin policy with the user's preferences: policy always wins, a user may only make things stricter. */
import type { AdminPolicy } from './admin-policy.ts';
import type { LoadedPolicy } from './load-admin-policy.ts';
import type { Preferences } from '../../domain/preferences.ts';

/** What the session, the shell and the UI act on. */
export interface EffectiveSettings {
  /** From policy only; undefined means the shell's own default (environment or dev server). */
  serverUrl?: string;
  idleLockMinutes: number;
  offlineLeaseHours: number;
  offlineAllowed: boolean;
  contentProtection: boolean;
  exportsAllowed: boolean;
  theme: NonNullable<Preferences['theme']>;
  queuePageSize: NonNullable<Preferences['queuePageSize']>;
  columnWidths: NonNullable<Preferences['columnWidths']>;
  lastFilter: NonNullable<Preferences['lastFilter']>;
}

/**
 * Security settings come from the policy (set or default) and preferences cannot loosen them:
 * the preference store is user-writable, so only the idle lock may be changed, and only shortened
 * (policy, or the default 10 minutes, is a maximum). Server URL, lease, offline use, content
 * protection and exports are never taken from preferences. UI fields come from preferences.
 */
export function effectiveSettings(policy: AdminPolicy | LoadedPolicy, preferences: Preferences): EffectiveSettings {
  const p = 'policy' in policy ? policy.policy : policy;
  return {
    ...(p.serverUrl === undefined ? {} : { serverUrl: p.serverUrl }),
    idleLockMinutes: Math.min(p.idleLockMinutes, preferences.idleLockMinutes ?? p.idleLockMinutes),
    offlineLeaseHours: p.offlineLeaseHours,
    offlineAllowed: p.offlineAllowed,
    contentProtection: p.contentProtection,
    exportsAllowed: p.exportsAllowed,
    theme: preferences.theme ?? 'system',
    queuePageSize: preferences.queuePageSize ?? 50,
    columnWidths: preferences.columnWidths ?? {},
    lastFilter: preferences.lastFilter ?? {},
  };
}
