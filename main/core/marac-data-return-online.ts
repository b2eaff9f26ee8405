/** The data return channels: calls to the server (docs/marac.md); offline, `network_error`. */
import { CodedError } from '../../domain/errors.ts';
import type { ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';
import type { MaracDeps } from './marac-online.ts';

/** Runs a server call; offline, `network_error` saying it waits for the connection. */
async function online<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CodedError && OFFLINE_CODES.has(error.code)) {
      throw new CodedError('network_error', 'The MARAC data return comes from the server: it shows again when this computer is connected.');
    }
    throw error;
  }
}

/** The data return channel handlers over `deps`. */
export function maracDataReturnHandlers(deps: () => MaracDeps) {
  const auth = async () => ({ accessToken: await deps().accessToken() });
  const suppress = (s: boolean) => (s ? 'true' as const : 'false' as const);
  return {
    'marac.dataReturn.get': async ({ scope, suppressUnder5 }: ChannelParsedInput<'marac.dataReturn.get'>): Promise<ChannelOutput<'marac.dataReturn.get'>> =>
      online(async () => (scope.kind === 'quarter'
        ? deps().api.call('getMaracQuarterReturn', { query: { areaId: scope.areaId, quarter: scope.quarter, suppressUnder5: suppress(suppressUnder5) }, ...(await auth()) })
        : deps().api.call('getMaracMeetingReturn', { params: { id: scope.meetingId }, query: { suppressUnder5: suppress(suppressUnder5) }, ...(await auth()) }))),
    'marac.dataReturn.file': async ({ scope, suppressUnder5, format }: ChannelParsedInput<'marac.dataReturn.file'>): Promise<ChannelOutput<'marac.dataReturn.file'>> =>
      online(async () => (scope.kind === 'quarter'
        ? deps().api.call('getMaracQuarterReturnFile', { query: { areaId: scope.areaId, quarter: scope.quarter, suppressUnder5: suppress(suppressUnder5), format }, ...(await auth()) })
        : deps().api.call('getMaracMeetingReturnFile', { params: { id: scope.meetingId }, query: { suppressUnder5: suppress(suppressUnder5), format }, ...(await auth()) }))),
  };
}
