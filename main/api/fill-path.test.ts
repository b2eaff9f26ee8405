/** Unit tests: `:name` path segments are filled and encoded; a missing one throws. */
import { describe, expect, it } from 'vitest';
import { fillPath } from './fill-path.ts';

describe('fillPath', () => {
  it('fills every segment and encodes reserved characters', () => {
    expect(fillPath('r', '/persons/:id/aliases/:aliasId', { id: 'a/b', aliasId: 'x y?z' })).toBe('/persons/a%2Fb/aliases/x%20y%3Fz');
  });

  it('leaves a path without segments alone', () => {
    expect(fillPath('r', '/sync/pull', undefined)).toBe('/sync/pull');
  });

  it('throws naming the route and the missing parameter', () => {
    expect(() => fillPath('removePersonAlias', '/persons/:id/aliases/:aliasId', { id: '1' })).toThrow('Route removePersonAlias needs the path parameter "aliasId".');
    expect(() => fillPath('r', '/x/:id', { id: { toString: () => 'y' } })).toThrow(/string or number/);
  });
});
