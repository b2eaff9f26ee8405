/** Builds the typed, validating desktop API from a transport and the contract's channel list. */
import {
  CHANNEL_NAMES,
  type ChannelName,
  type DesktopApi,
  type EventName,
  type EventPayload,
} from '../../../domain/ipc/contract.ts';
import { CodedError, type ErrorBody } from '../../../domain/errors.ts';
import { fail, type Result } from '../../../domain/result.ts';
import type { DesktopTransport } from './desktop-transport.ts';
import { parseEventPayload } from './event-payload.ts';
import { toResult } from './result-validator.ts';

/**
 * One function per channel in the contract, each answering a validated Result and never
 * throwing; `on` delivers only payloads that match the event's schema (others are dropped).
 */
export function createDesktopApi(transport: DesktopTransport): DesktopApi {
  async function call(channel: ChannelName, input: unknown): Promise<Result<unknown>> {
    let raw: unknown;
    try {
      raw = await transport.call(channel, input);
    } catch (error) {
      return fail(transportError(error));
    }
    return toResult(channel, raw);
  }

  function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return transport.subscribe(event, (payload) => {
      const parsed = parseEventPayload(event, payload);
      if (parsed.ok) {
        listener(parsed.payload);
      }
    });
  }

  const api = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, (input: unknown) => call(channel, input)]));
  // The object is built from the same channel list the type is mapped over, and `call`
  // validates every answer with that channel's schema, so the mapped type holds.
  return { ...api, on } as unknown as DesktopApi;
}

function transportError(error: unknown): ErrorBody {
  if (error instanceof CodedError) {
    return { code: error.code, message: error.message };
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'network_error', message: `Could not reach the Casebridge desktop core: ${detail}` };
}
