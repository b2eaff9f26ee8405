import { describe, expect, it } from 'vitest';
import { auditEventFromLeaf, auditLeafText, type AuditLeafEvent } from './audit-event-leaf.ts';

const event: AuditLeafEvent = {
  seq: 3, id: 'e3', at: '2026-11-01T09:00:00.000Z', user_id: 'u1', agency_id: 'a1', team_id: null, device_id: null, ip: '10.0.0.1',
  action: 'record.view', category: 'consultation', entity_type: 'case', entity_id: 'c1', outcome: 'success', justification: null,
  details: '{"terms":"Smith \\"J\\""}', prev_hash: 'ab'.repeat(32),
};

describe('an audit event leaf', () => {
  it('is a JSON array of the columns in the documented order, and reads back to the same event', () => {
    const text = auditLeafText(event);
    expect(text.startsWith('[3,"e3","2026-11-01T09:00:00.000Z","u1","a1",null,null,"10.0.0.1","record.view"')).toBe(true);
    expect(auditEventFromLeaf(text)).toEqual(event);
  });

  it('refuses text that is not exactly one leaf spelling', () => {
    const text = auditLeafText(event);
    for (const bad of ['not json', '{}', '[]', text.replace('[3,', '["3",'), text.replace('[3,', '[3 ,'), text.replace(',null,null,', ',1,null,'), `${text.slice(0, -1)},"x"]`]) {
      expect(auditEventFromLeaf(bad)).toBeUndefined();
    }
  });
});
