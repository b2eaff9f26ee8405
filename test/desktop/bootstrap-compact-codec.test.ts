/** The compact bootstrap page's encoding: the same records back, an absent optional field stays absent, undeclared fields are refused. */
import { describe, expect, it } from 'vitest';
import { BootstrapAnswerSchema, bootstrapPageOf, decodeCompactBootstrap, encodeCompactBootstrap } from '../../domain/http/bootstrap-compact.ts';
import { BootstrapResponseSchema, type BootstrapResponse } from '../../domain/http/sync-schemas.ts';
import { syncCase, syncPerson } from './cache-test-kit.ts';

const abilities = { update: true, transfer: false, addAlias: true, addIdentifier: false, requestAccess: false };

describe('compact bootstrap pages', () => {
  const withAbilities = syncPerson({ givenName: 'Tamsin', aliases: [{ givenName: 'Tam', familyName: 'Example' }] });
  const page: BootstrapResponse = BootstrapResponseSchema.parse({
    snapshot: '42',
    changes: [
      { entity: 'case', seq: 42, data: syncCase({ title: 'First' }) },
      { entity: 'person', seq: 42, data: { ...withAbilities, abilities } },
      { entity: 'case', seq: 42, data: syncCase({ title: 'Second', reviewDate: '2027-02-01' }) },
      { entity: 'person', seq: 42, data: syncPerson({ givenName: 'Ossian' }) },
    ],
    next: { phase: 'persons', after: null },
  });

  it('decodes to the same records, grouped by entity and set of fields, and survives JSON', () => {
    const compact = encodeCompactBootstrap(page);
    expect(compact.tables.map((t) => [t.entity, t.rows.length, t.columns.includes('abilities')])).toEqual([
      ['case', 2, false], ['person', 1, true], ['person', 1, false],
    ]);
    const travelled = BootstrapAnswerSchema.parse(JSON.parse(JSON.stringify(compact)));
    const decoded = bootstrapPageOf(travelled);
    const order = [0, 2, 1, 3];
    expect(decoded).toEqual({ ...page, changes: order.map((i) => page.changes[i]) });
    // No field appears that the record did not have (JSON would have turned an absent one into null).
    expect(Object.keys(decoded.changes[3]!.data)).not.toContain('abilities');
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(page).length);
  });

  it('leaves an object page as it is', () => {
    expect(bootstrapPageOf(page)).toBe(page);
  });

  it('drops a nested field the entity does not declare, and refuses a null where a field is optional', () => {
    const nested = encodeCompactBootstrap(page);
    const personTable = nested.tables[1]!;
    (personTable.rows[0]![personTable.columns.indexOf('abilities')] as Record<string, unknown>).internal = true;
    // z.object strips unknown nested keys; the decoded record must not carry it either way.
    const decoded = decodeCompactBootstrap(nested);
    expect(decoded.changes.find((c) => c.entity === 'person' && c.data.abilities)!.data).not.toHaveProperty('abilities.internal');
    const nulled = encodeCompactBootstrap(page);
    const table = nulled.tables[1]!;
    table.rows[0]![table.columns.indexOf('abilities')] = null;
    expect(() => decodeCompactBootstrap(nulled)).toThrow(expect.objectContaining({ code: 'validation_error' }));
  });
});
