/** The retention channels: calls to the server, which decides, audits and refuses (docs/audit.md, "Retention and erasure"). */
import type { ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { ApiClient } from '../api/api-client.ts';
import { whenOnline } from './when-online.ts';

/** What the retention channels need: the API and an access token. */
export interface RetentionDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/** Offline, `network_error` in this channel's words. */
const online = <T>(run: () => Promise<T>): Promise<T> => whenOnline('Retention reviews are made on the server: try again when this computer is connected.', run);

/** The retention channel handlers over `deps`. */
export function retentionHandlers(deps: () => RetentionDeps) {
  const call = async <T>(run: (d: RetentionDeps, token: string) => Promise<T>): Promise<T> => {
    const d = deps();
    return online(async () => run(d, await d.accessToken()));
  };
  return {
    'retention.reviews': ({ dueBy }: ChannelParsedInput<'retention.reviews'>): Promise<ChannelOutput<'retention.reviews'>> =>
      call((d, accessToken) => d.api.call('listRetentionReviews', { query: dueBy === undefined ? { limit: 500 } : { dueBy, limit: 500 }, accessToken })),
    'retention.decide': ({ caseId, decision }: ChannelParsedInput<'retention.decide'>): Promise<ChannelOutput<'retention.decide'>> =>
      call((d, accessToken) => d.api.call('decideRetention', { params: { id: caseId }, body: decision, accessToken })),
    'retention.placeHold': ({ caseId, reason }: ChannelParsedInput<'retention.placeHold'>): Promise<ChannelOutput<'retention.placeHold'>> =>
      call((d, accessToken) => d.api.call('placeLegalHold', { params: { id: caseId }, body: { reason }, accessToken })),
    'retention.releaseHold': ({ holdId }: ChannelParsedInput<'retention.releaseHold'>): Promise<ChannelOutput<'retention.releaseHold'>> =>
      call((d, accessToken) => d.api.call('releaseLegalHold', { params: { id: holdId }, body: {}, accessToken })),
    'retention.erase': ({ caseId, confirmReference, reason }: ChannelParsedInput<'retention.erase'>): Promise<ChannelOutput<'retention.erase'>> =>
      call((d, accessToken) => d.api.call('eraseCase', { params: { id: caseId }, body: { confirmReference, reason }, accessToken })),
    'retention.rules': (): Promise<ChannelOutput<'retention.rules'>> => call((d, accessToken) => d.api.call('listRetentionRules', { accessToken })),
    'retention.setRule': ({ caseType, reviewAfterYears }: ChannelParsedInput<'retention.setRule'>): Promise<ChannelOutput<'retention.setRule'>> =>
      call((d, accessToken) => d.api.call('setRetentionRule', { params: { caseType }, body: { reviewAfterYears }, accessToken })),
  };
}
