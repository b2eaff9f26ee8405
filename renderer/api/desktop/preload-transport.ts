/** The transport over the Electron preload bridge (`window.casebridge`). */
import type { DesktopApi } from '../../../domain/ipc/contract.ts';
import { CodedError } from '../../../domain/errors.ts';
import type { DesktopTransport } from './desktop-transport.ts';

/** Wraps the bridge the preload exposed; its answers are still validated by `createDesktopApi`. */
export function preloadTransport(bridge: DesktopApi): DesktopTransport {
  return {
    call(channel, input) {
      const fn: unknown = bridge[channel];
      if (typeof fn !== 'function') {
        throw new CodedError('internal_error', `The desktop shell does not expose ${channel}.`);
      }
      return (fn as (input: unknown) => Promise<unknown>)(input);
    },
    subscribe(event, listener) {
      return bridge.on(event, listener);
    },
  };
}
