/** The SAR channels: calls to the server, which decides and audits; nothing is kept on this computer (docs/audit.md). */
import { CodedError } from '../../domain/errors.ts';
import type { ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { ApiClient } from '../api/api-client.ts';
import { whenOnline } from './when-online.ts';

/** What the SAR channels need: the API, an access token, and whether files may leave Casebridge. */
export interface SarDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
  exportsAllowed: () => boolean;
}

/** Offline, `network_error` in this channel's words. */
const online = <T>(run: () => Promise<T>): Promise<T> => whenOnline('Subject access requests are worked on the server: connect this computer and try again.', run);

type In<C extends SarChannel> = ChannelParsedInput<C>;
type SarChannel = 'sars.list' | 'sars.findPerson' | 'sars.create' | 'sars.get' | 'sars.extend' | 'sars.close' | 'sars.ownPart' | 'sars.bundle'
  | 'sarConsultations.list' | 'sarConsultations.get' | 'sarConsultations.release' | 'sarConsultations.withhold';

function handlersFor(deps: () => SarDeps) {
  const call = <T>(run: (d: SarDeps, token: string) => Promise<T>): Promise<T> => {
    const d = deps();
    return online(async () => run(d, await d.accessToken()));
  };
  return {
    'sars.list': ({ status }: In<'sars.list'>): Promise<ChannelOutput<'sars.list'>> =>
      call((d, accessToken) => d.api.call('listSars', { query: { status }, accessToken })),
    'sars.findPerson': ({ text }: In<'sars.findPerson'>): Promise<ChannelOutput<'sars.findPerson'>> =>
      call((d, accessToken) => d.api.call('searchSarPersons', { query: { q: text }, accessToken })),
    'sars.create': (body: In<'sars.create'>): Promise<ChannelOutput<'sars.create'>> =>
      call((d, accessToken) => d.api.call('createSar', { body, accessToken })),
    'sars.get': ({ sarId }: In<'sars.get'>): Promise<ChannelOutput<'sars.get'>> =>
      call((d, accessToken) => d.api.call('getSar', { params: { id: sarId }, accessToken })),
    'sars.extend': ({ sarId, ...body }: In<'sars.extend'>): Promise<ChannelOutput<'sars.extend'>> =>
      call((d, accessToken) => d.api.call('extendSar', { params: { id: sarId }, body, accessToken })),
    'sars.close': ({ sarId, ...body }: In<'sars.close'>): Promise<ChannelOutput<'sars.close'>> =>
      call((d, accessToken) => d.api.call('closeSar', { params: { id: sarId }, body, accessToken })),
    'sars.ownPart': ({ sarId }: In<'sars.ownPart'>): Promise<ChannelOutput<'sars.ownPart'>> =>
      call((d, accessToken) => d.api.call('getSarOwnPart', { params: { id: sarId }, accessToken })),
    'sars.bundle': ({ sarId, redactions }: In<'sars.bundle'>): Promise<ChannelOutput<'sars.bundle'>> => {
      // Saving the bundle is how it leaves Casebridge: the machine policy decides here, not in the UI.
      if (!deps().exportsAllowed()) {
        return Promise.reject(new CodedError('authorization_error', 'Your organisation does not allow files to be saved from Casebridge on this computer.'));
      }
      return call((d, accessToken) => d.api.call('generateSarBundle', { params: { id: sarId }, body: redactions, accessToken }));
    },
    'sarConsultations.list': (): Promise<ChannelOutput<'sarConsultations.list'>> =>
      call((d, accessToken) => d.api.call('listSarConsultations', { accessToken })),
    'sarConsultations.get': ({ consultationId }: In<'sarConsultations.get'>): Promise<ChannelOutput<'sarConsultations.get'>> =>
      call((d, accessToken) => d.api.call('getSarConsultation', { params: { id: consultationId }, accessToken })),
    'sarConsultations.release': ({ consultationId, redactions }: In<'sarConsultations.release'>): Promise<ChannelOutput<'sarConsultations.release'>> =>
      call((d, accessToken) => d.api.call('releaseSarPart', { params: { id: consultationId }, body: redactions, accessToken })),
    'sarConsultations.withhold': ({ consultationId, ...body }: In<'sarConsultations.withhold'>): Promise<ChannelOutput<'sarConsultations.withhold'>> =>
      call((d, accessToken) => d.api.call('withholdSarPart', { params: { id: consultationId }, body, accessToken })),
  };
}

/** The SAR channel handlers over `deps`. */
export const sarHandlers = handlersFor;
