import { describe, expect, it } from 'vitest';
import { dropAgendaItem, moveAgendaItem } from './agenda-order.ts';

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

describe('dropping a dragged agenda item', () => {
  it('puts it where the item it was dropped on stood, the others keeping their order', () => {
    expect(dropAgendaItem(['a', 'b', 'c', 'd'], 'a', 'c')).toEqual(['b', 'c', 'a', 'd']);
    expect(dropAgendaItem(['a', 'b', 'c', 'd'], 'd', 'b')).toEqual(['a', 'd', 'b', 'c']);
    expect(dropAgendaItem(['a', 'b', 'c', 'd'], 'b', 'd')).toEqual(['a', 'c', 'd', 'b']);
  });

  it('answers null when nothing changes: on itself, outside the list or an unknown item', () => {
    expect(dropAgendaItem(['a', 'b'], 'a', 'a')).toBeNull();
    expect(dropAgendaItem(['a', 'b'], 'a', null)).toBeNull();
    expect(dropAgendaItem(['a', 'b'], 'z', 'a')).toBeNull();
    expect(dropAgendaItem(['a', 'b'], 'a', 'z')).toBeNull();
  });

  it('keeps every id exactly once', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    for (const from of ids) {
      for (const over of ids) {
        const next = dropAgendaItem(ids, from, over) ?? ids;
        expect([...next].sort()).toEqual(ids);
      }
    }
  });
});
