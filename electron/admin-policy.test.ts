/** Unit tests: the admin policy's server URL overrides the shell's; warnings become log lines. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY } from '../main/machine-policy/admin-policy.ts';
import { effectiveSettings } from '../main/machine-policy/effective-settings.ts';
import { applyAdminPolicy, formatPolicyWarnings } from './admin-policy.ts';
import { readShellConfig } from './shell-config.ts';

describe('applyAdminPolicy', () => {
  const shell = readShellConfig({ CASEBRIDGE_SERVER_URL: 'https://dev.example' }, '/d', false);

  it('uses the policy server URL over the environment', () => {
    const settings = effectiveSettings({ ...DEFAULT_POLICY, serverUrl: 'https://api.riverton.example' }, {});
    expect(applyAdminPolicy(shell, settings)).toEqual({ serverUrl: 'https://api.riverton.example', dataDir: '/d', devTools: false });
  });

  it('keeps the shell server URL when the policy sets none', () => {
    expect(applyAdminPolicy(shell, effectiveSettings(DEFAULT_POLICY, {})).serverUrl).toBe('https://dev.example');
  });
});

describe('formatPolicyWarnings', () => {
  it('names the source of each warning', () => {
    expect(formatPolicyWarnings([{ source: 'registry', message: 'x' }])).toEqual(['Casebridge admin policy (registry): x']);
  });
});
