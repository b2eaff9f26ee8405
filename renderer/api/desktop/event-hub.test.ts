import { describe, expect, it } from 'vitest';
import { EventHub } from './event-hub.ts';

describe('EventHub', () => {
  it('delivers a payload only to listeners of that event', () => {
    const hub = new EventHub();
    const sync: unknown[] = [];
    const session: unknown[] = [];
    hub.on('sync.status', (p) => sync.push(p));
    hub.on('session.state', (p) => session.push(p));
    hub.dispatch('sync.status', { n: 1 });
    expect(sync).toEqual([{ n: 1 }]);
    expect(session).toEqual([]);
  });

  it('stops delivering after unsubscribe, and a second unsubscribe changes nothing', () => {
    const hub = new EventHub();
    const seen: unknown[] = [];
    const listener = (p: unknown): void => {
      seen.push(p);
    };
    const first = hub.on('e', listener);
    hub.on('e', listener);
    expect(hub.size).toBe(2);
    first();
    first();
    expect(hub.size).toBe(1);
    hub.dispatch('e', 'x');
    expect(seen).toEqual(['x']);
  });

  it('lets a listener unsubscribe itself during dispatch without skipping the others', () => {
    const hub = new EventHub();
    const seen: string[] = [];
    const off = hub.on('e', () => {
      seen.push('a');
      off();
    });
    hub.on('e', () => seen.push('b'));
    hub.dispatch('e', null);
    hub.dispatch('e', null);
    expect(seen).toEqual(['a', 'b', 'b']);
  });
});
