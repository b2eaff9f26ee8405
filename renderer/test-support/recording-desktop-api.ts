/** A desktop API over an in-memory transport that records every call and answers from a table the test gives. */
import type { ChannelName, DesktopApi, EventName } from '../../domain/ipc/contract.ts';
import { createDesktopApi } from '../api/desktop/create-desktop-api.ts';

/** One call the renderer made. */
export interface RecordedCall {
  channel: ChannelName;
  input: unknown;
}

/** The API, the calls made through it, and a way to push an event as the core would. */
export interface RecordingDesktopApi {
  api: DesktopApi;
  calls: RecordedCall[];
  emit: (event: EventName, payload: unknown) => void;
}

/**
 * `answers[channel]` gives the raw answer (`{ ok, value | error }`) for a call; a channel without one
 * never answers. Answers go through the same validation as the real transports.
 */
export function recordingDesktopApi(answers: Partial<Record<ChannelName, (input: unknown) => unknown>>): RecordingDesktopApi {
  const calls: RecordedCall[] = [];
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const api = createDesktopApi({
    call: (channel, input) => {
      calls.push({ channel, input });
      const answer = answers[channel];
      return answer ? Promise.resolve(answer(input)) : new Promise<never>(() => undefined);
    },
    subscribe: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });
  return { api, calls, emit: (event, payload) => listeners.get(event)?.forEach((listener) => listener(payload)) };
}
