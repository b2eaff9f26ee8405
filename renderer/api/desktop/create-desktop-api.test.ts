import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, type ChannelName, type EventName } from '../../../domain/ipc/contract.ts';
import { CodedError } from '../../../domain/errors.ts';
import { buildSyncStatus } from '../../test-support/factories.ts';
import { createDesktopApi } from './create-desktop-api.ts';
import type { DesktopTransport } from './desktop-transport.ts';
import { EventHub } from './event-hub.ts';

/** An in-memory transport: answers calls from a handler and lets the test emit raw events. */
function fakeTransport(answer: (channel: ChannelName, input: unknown) => Promise<unknown>) {
  const hub = new EventHub();
  const calls: { channel: ChannelName; input: unknown }[] = [];
  const transport: DesktopTransport = {
    call(channel, input) {
      calls.push({ channel, input });
      return answer(channel, input);
    },
    subscribe: (event, listener) => hub.on(event, listener),
  };
  return { transport, calls, emit: (event: EventName, payload: unknown) => hub.dispatch(event, payload) };
}

describe('createDesktopApi', () => {
  it('exposes exactly one function per channel in the contract, plus on', () => {
    const api = createDesktopApi(fakeTransport(() => Promise.resolve(null)).transport);
    expect(Object.keys(api).sort()).toEqual([...CHANNEL_NAMES, 'on'].sort());
  });

  it('sends the channel name and input and answers the validated result', async () => {
    const status = buildSyncStatus({ pendingChanges: 2 });
    const fake = fakeTransport(() => Promise.resolve({ ok: true, value: status }));
    const api = createDesktopApi(fake.transport);
    await expect(api['sync.now'](null)).resolves.toEqual({ ok: true, value: status });
    expect(fake.calls).toEqual([{ channel: 'sync.now', input: null }]);
  });

  it('answers network_error instead of throwing when the core cannot be reached', async () => {
    const api = createDesktopApi(fakeTransport(() => Promise.reject(new TypeError('Failed to fetch'))).transport);
    const result = await api['session.state'](null);
    expect(!result.ok && result.error.code).toBe('network_error');
  });

  it('keeps the code of a coded transport error', async () => {
    const api = createDesktopApi(
      fakeTransport(() => Promise.reject(new CodedError('authorization_error', 'no token'))).transport,
    );
    await expect(api['session.state'](null)).resolves.toEqual({
      ok: false,
      error: { code: 'authorization_error', message: 'no token' },
    });
  });

  it('delivers only event payloads that match the event schema', () => {
    const fake = fakeTransport(() => Promise.resolve(null));
    const api = createDesktopApi(fake.transport);
    const seen: unknown[] = [];
    const off = api.on('session.state', (payload) => seen.push(payload));
    fake.emit('session.state', { state: 'signed_out' });
    fake.emit('session.state', { state: 'signed_in' }); // no user: dropped
    fake.emit('session.state', '<script>');
    off();
    fake.emit('session.state', { state: 'signed_out' });
    expect(seen).toEqual([{ state: 'signed_out' }]);
  });
});
