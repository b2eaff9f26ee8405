import { describe, expect, it } from 'vitest';
import { AUDIT_PAGE_MAX, AuditSearchQuerySchema } from './audit-search.ts';

describe('the audit search query', () => {
  it('normalises times with an offset to UTC so they compare with stored times', () => {
    const q = AuditSearchQuerySchema.parse({ from: '2026-11-02T10:00:00+01:00', to: '2026-11-02T12:00:00Z' });
    expect(q).toEqual({ from: '2026-11-02T09:00:00.000Z', to: '2026-11-02T12:00:00.000Z', limit: 100 });
  });

  it(`caps a page at ${AUDIT_PAGE_MAX} events and reads limit and cursor from query strings`, () => {
    expect(AuditSearchQuerySchema.parse({ limit: '500', cursor: '42' })).toMatchObject({ limit: 500, cursor: 42 });
    expect(AuditSearchQuerySchema.safeParse({ limit: '501' }).success).toBe(false);
    expect(AuditSearchQuerySchema.safeParse({ limit: '0' }).success).toBe(false);
  });

  it('refuses unknown filters, unknown actions and a window that ends before it starts', () => {
    expect(AuditSearchQuerySchema.safeParse({ username: 'x' }).success).toBe(false);
    expect(AuditSearchQuerySchema.safeParse({ action: 'record.steal' }).success).toBe(false);
    expect(AuditSearchQuerySchema.safeParse({ from: '2026-11-03T00:00:00Z', to: '2026-11-02T00:00:00Z' }).success).toBe(false);
  });
});
