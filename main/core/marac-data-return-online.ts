/** The data return channels: calls to the server (docs/marac.md); offline, `network_error`. */
import type { ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import { whenOnline } from './when-online.ts';
import type { MaracDeps } from './marac-online.ts';

/** Offline, `network_error` in this channel's words. */
const online = <T>(run: () => Promise<T>): Promise<T> => whenOnline('The MARAC data return comes from the server: it shows again when this computer is connected.', run);

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
