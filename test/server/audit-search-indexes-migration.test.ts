/**
 * Migration 0028: on PostgreSQL the audit search's event-row filters get their indexes (action and
 * category with seq, and time), and down drops them; on SQLite nothing changes (docs/audit.md).
 */
import { describe, expect, it } from 'vitest';
import { useServerMigration } from '../support/server-migration.ts';
import { testDialects } from '../support/test-databases.ts';

const ADDED = ['audit_events_action_seq_idx', 'audit_events_at_idx', 'audit_events_category_seq_idx'];

describe.each(testDialects())('migration 0028_audit_search_indexes on %s', (dialect) => {
  const m = useServerMigration(dialect, '0026_audit_kept_terms');

  it('adds the event-row indexes on PostgreSQL only, and down removes them', async () => {
    const before = await m.indexesOf('audit_events');
    expect(before).not.toEqual(expect.arrayContaining([ADDED[0]]));
    await m.migrateTo('0028_audit_search_indexes');
    const after = await m.indexesOf('audit_events');
    expect(after).toEqual(dialect === 'postgres' ? [...before, ...ADDED].sort() : before);
    await m.migrateTo('0026_audit_kept_terms');
    expect(await m.indexesOf('audit_events')).toEqual(before);
  });
});
