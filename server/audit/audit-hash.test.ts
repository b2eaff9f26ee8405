import { describe, expect, it } from 'vitest';
import { auditEventHash, GENESIS_HASH, type HashedAuditFields } from './audit-hash.ts';

const event: HashedAuditFields = {
  seq: 1, id: 'e1', at: '2026-11-01T09:00:00.000Z', user_id: 'u1', agency_id: 'a1', team_id: null, device_id: null,
  ip: '10.0.0.1', action: 'record.view', category: 'consultation', entity_type: 'case', entity_id: 'c1', outcome: 'success',
  justification: null, details: '{}', prev_hash: GENESIS_HASH,
};

describe('the audit event hash', () => {
  it('is a stable SHA-256 of the event', () => {
    expect(auditEventHash(event)).toMatch(/^[0-9a-f]{64}$/);
    expect(auditEventHash({ ...event })).toBe(auditEventHash(event));
  });

  it('changes when any hashed field changes, including seq and the previous hash', () => {
    const changed: Array<Partial<HashedAuditFields>> = [
      { seq: 2 }, { id: 'e2' }, { at: '2026-11-01T09:00:01.000Z' }, { user_id: null }, { agency_id: 'a2' }, { team_id: 't1' },
      { device_id: 'd1' }, { ip: null }, { action: 'record.update' }, { category: 'alteration' }, { entity_type: 'person' },
      { entity_id: 'c2' }, { outcome: 'denied' }, { justification: 'urgent' }, { details: '{"a":1}' }, { prev_hash: 'f'.repeat(64) },
    ];
    const hashes = new Set(changed.map((c) => auditEventHash({ ...event, ...c })));
    expect(hashes.size).toBe(changed.length);
    expect(hashes.has(auditEventHash(event))).toBe(false);
  });

  it('does not confuse a null with the text "null"', () => {
    expect(auditEventHash({ ...event, team_id: 'null' })).not.toBe(auditEventHash(event));
  });
});
