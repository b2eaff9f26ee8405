import { describe, expect, it } from 'vitest';
import { readsOfflineCopy } from './sync-invalidation.ts';

describe('which answers a sync makes stale', () => {
  it('reads the offline copy again after a sync', () => {
    expect(readsOfflineCopy({ queryKey: ['cases.queue', {}] })).toBe(true);
    expect(readsOfflineCopy({ queryKey: ['persons.profile', { personId: 'p1' }] })).toBe(true);
  });

  it('never runs the server person search again on its own: it is an audited search the user runs', () => {
    expect(readsOfflineCopy({ queryKey: ['persons.searchOnline', { text: 'Ashdown' }] })).toBe(false);
    expect(readsOfflineCopy({ queryKey: ['tasks.assignees', { caseId: 'c1' }] })).toBe(false);
  });
});
