import { describe, expect, it } from 'vitest';
import { AuditChainResultSchema, describeAuditChain } from './audit-chain.ts';

describe('the audit chain summary', () => {
  it('states an intact chain with its event count and head hash', () => {
    expect(describeAuditChain({ ok: true, events: 3, headHash: 'ab' })).toBe('Audit chain intact: 3 events (head hash ab)');
  });

  it('names the first broken seq and the reason for a broken chain', () => {
    expect(describeAuditChain({ ok: false, firstBrokenSeq: 12, reason: 'deleted', message: 'Event 12 is missing.' }))
      .toBe('Audit chain BROKEN at event seq 12: deleted — Event 12 is missing.');
  });

  it('accepts only the four known reasons on the wire', () => {
    expect(AuditChainResultSchema.safeParse({ ok: false, firstBrokenSeq: 1, reason: 'lost', message: '' }).success).toBe(false);
  });
});
