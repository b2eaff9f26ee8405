import { describe, expect, it } from 'vitest';
import { moveAgendaItem } from './agenda-order.ts';

describe('moving an agenda item', () => {
  it('swaps it with its neighbour up or down', () => {
    expect(moveAgendaItem(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveAgendaItem(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });

  it('leaves the order alone at either end or for an unknown item', () => {
    expect(moveAgendaItem(['a', 'b'], 'a', -1)).toEqual(['a', 'b']);
    expect(moveAgendaItem(['a', 'b'], 'b', 1)).toEqual(['a', 'b']);
    expect(moveAgendaItem(['a', 'b'], 'z', 1)).toEqual(['a', 'b']);
  });
});
