/** The administration channels: calls to the server (accounts, teams and devices are never in the offline copy). */
import type { ChannelName, ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { ApiClient } from '../api/api-client.ts';
import { whenOnline } from './when-online.ts';

/** What the administration channels need: the API and an access token. */
export interface AdminDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/** Offline, `network_error` in this channel's words. */
const online = <T>(run: () => Promise<T>): Promise<T> => whenOnline('Administration needs a connection to the server: try again when this computer is connected.', run);

type In<C extends ChannelName> = ChannelParsedInput<C>;

/** The administration channel handlers over `deps`. */
export function adminHandlers(deps: () => AdminDeps) {
  const call = <T>(run: (d: AdminDeps, token: string) => Promise<T>): Promise<T> => {
    const d = deps();
    return online(async () => run(d, await d.accessToken()));
  };
  return {
    'admin.users.list': ({ agencyId }: In<'admin.users.list'>): Promise<ChannelOutput<'admin.users.list'>> =>
      call((d, accessToken) => d.api.call('listUsers', { query: agencyId === undefined ? {} : { agencyId }, accessToken })),
    'admin.users.create': (body: In<'admin.users.create'>): Promise<ChannelOutput<'admin.users.create'>> =>
      call((d, accessToken) => d.api.call('createUser', { body, accessToken })),
    'admin.users.disable': ({ userId }: In<'admin.users.disable'>): Promise<ChannelOutput<'admin.users.disable'>> =>
      call((d, accessToken) => d.api.call('disableUser', { params: { id: userId }, accessToken })),
    'admin.users.enable': ({ userId }: In<'admin.users.enable'>): Promise<ChannelOutput<'admin.users.enable'>> =>
      call((d, accessToken) => d.api.call('enableUser', { params: { id: userId }, accessToken })),
    'admin.users.resetPassword': ({ userId }: In<'admin.users.resetPassword'>): Promise<ChannelOutput<'admin.users.resetPassword'>> =>
      call((d, accessToken) => d.api.call('resetUserPassword', { params: { id: userId }, body: {}, accessToken })),
    'admin.users.resetTotp': ({ userId }: In<'admin.users.resetTotp'>): Promise<ChannelOutput<'admin.users.resetTotp'>> =>
      call((d, accessToken) => d.api.call('resetUserTotp', { params: { id: userId }, accessToken })),
    'admin.users.setTeams': ({ userId, teamIds }: In<'admin.users.setTeams'>): Promise<ChannelOutput<'admin.users.setTeams'>> =>
      call((d, accessToken) => d.api.call('setUserTeams', { params: { id: userId }, body: { teamIds }, accessToken })),
    'admin.teams.list': ({ agencyId }: In<'admin.teams.list'>): Promise<ChannelOutput<'admin.teams.list'>> =>
      call((d, accessToken) => d.api.call('listTeams', { query: agencyId === undefined ? {} : { agencyId }, accessToken })),
    'admin.teams.create': (body: In<'admin.teams.create'>): Promise<ChannelOutput<'admin.teams.create'>> =>
      call((d, accessToken) => d.api.call('createTeam', { body, accessToken })),
    'admin.agencies.list': (): Promise<ChannelOutput<'admin.agencies.list'>> =>
      call((d, accessToken) => d.api.call('listAgencies', { accessToken })),
    'admin.agencies.create': (body: In<'admin.agencies.create'>): Promise<ChannelOutput<'admin.agencies.create'>> =>
      call((d, accessToken) => d.api.call('createAgency', { body, accessToken })),
    'admin.agencies.setAgreements': ({ agencyId, ...body }: In<'admin.agencies.setAgreements'>): Promise<ChannelOutput<'admin.agencies.setAgreements'>> =>
      call((d, accessToken) => d.api.call('setSharingAgreements', { params: { id: agencyId }, body, accessToken })),
    'admin.maracAreas.create': (body: In<'admin.maracAreas.create'>): Promise<ChannelOutput<'admin.maracAreas.create'>> =>
      call((d, accessToken) => d.api.call('createMaracArea', { body, accessToken })),
    'admin.maracAreas.update': ({ areaId, ...body }: In<'admin.maracAreas.update'>): Promise<ChannelOutput<'admin.maracAreas.update'>> =>
      call((d, accessToken) => d.api.call('updateMaracArea', { params: { id: areaId }, body, accessToken })),
    'admin.caseTypes.list': (): Promise<ChannelOutput<'admin.caseTypes.list'>> =>
      call((d, accessToken) => d.api.call('listCaseTypes', { accessToken })),
    'admin.caseTypes.create': (body: In<'admin.caseTypes.create'>): Promise<ChannelOutput<'admin.caseTypes.create'>> =>
      call((d, accessToken) => d.api.call('createCaseType', { body, accessToken })),
    'admin.caseTypes.update': ({ code, change }: In<'admin.caseTypes.update'>): Promise<ChannelOutput<'admin.caseTypes.update'>> =>
      call((d, accessToken) => d.api.call('updateCaseType', { params: { code }, body: change, accessToken })),
    'admin.settings.get': (): Promise<ChannelOutput<'admin.settings.get'>> =>
      call((d, accessToken) => d.api.call('getSystemSettings', { accessToken })),
    'admin.settings.setEscalationDays': (body: In<'admin.settings.setEscalationDays'>): Promise<ChannelOutput<'admin.settings.setEscalationDays'>> =>
      call((d, accessToken) => d.api.call('setTaskEscalationDays', { body, accessToken })),
    'admin.devices.list': (): Promise<ChannelOutput<'admin.devices.list'>> =>
      call((d, accessToken) => d.api.call('listDevices', { accessToken })),
    'admin.devices.revoke': ({ deviceId }: In<'admin.devices.revoke'>): Promise<ChannelOutput<'admin.devices.revoke'>> =>
      call((d, accessToken) => d.api.call('revokeDevice', { params: { id: deviceId }, accessToken })),
  };
}
