/** Unit tests: the machine-wide policy file path per OS and its test override. */
import { describe, expect, it } from 'vitest';
import { policyFilePath } from './policy-file.ts';

describe('policyFilePath', () => {
  it('uses the machine-wide folder of each OS', () => {
    expect(policyFilePath({ ProgramData: 'D:\\PD' }, 'win32')).toMatch(/^D:\\PD[\\/]Casebridge[\\/]policy\.json$/);
    expect(policyFilePath({}, 'darwin')).toBe('/Library/Application Support/Casebridge/policy.json');
    expect(policyFilePath({}, 'linux')).toBe('/etc/casebridge/policy.json');
  });

  it('honours CASEBRIDGE_POLICY_FILE', () => {
    expect(policyFilePath({ CASEBRIDGE_POLICY_FILE: '/tmp/p.json' }, 'win32')).toBe('/tmp/p.json');
  });
});
