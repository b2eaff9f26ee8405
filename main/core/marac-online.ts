/**
 * The MARAC channels: calls to the server (MARAC records are not part of the offline copy;
 * docs/marac.md). The areas last read are kept, so a referral can still name its area offline.
 */
import { CodedError } from '../../domain/errors.ts';
import type { ChannelOutput, ChannelParsedInput } from '../../domain/ipc/contract.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { MaracAreaListStore } from '../cache/marac-area-list.ts';
import { whenOnline } from './when-online.ts';

/** What the MARAC channels need: the API and an access token. */
export interface MaracDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/** Offline, `network_error` saying what waits for the connection. */
const online = <T>(what: string, run: () => Promise<T>): Promise<T> => whenOnline(`${what} come from the server: they show again when this computer is connected.`, run);

/** The MARAC channel handlers over `deps`; `areas` keeps the area list for use offline. */
export function maracHandlers(deps: () => MaracDeps & { areas?: MaracAreaListStore }) {
  return {
    'marac.areas': async (): Promise<ChannelOutput<'marac.areas'>> => {
      const d = deps();
      try {
        const answer = await online('MARAC areas', async () => d.api.call('listMaracAreas', { accessToken: await d.accessToken() }));
        await d.areas?.remember(answer.areas);
        return answer;
      } catch (error) {
        const kept = error instanceof CodedError && error.code === 'network_error' ? await d.areas?.recall() : null;
        if (kept) {
          return { areas: kept };
        }
        throw error;
      }
    },
    'marac.assessments.list': async ({ personId }: ChannelParsedInput<'marac.assessments.list'>): Promise<ChannelOutput<'marac.assessments.list'>> => {
      const d = deps();
      return online('Risk assessments', async () => d.api.call('listDashAssessments', { params: { id: personId }, accessToken: await d.accessToken() }));
    },
    'marac.assessments.create': async ({ personId, assessment }: ChannelParsedInput<'marac.assessments.create'>): Promise<ChannelOutput<'marac.assessments.create'>> => {
      const d = deps();
      return d.api.call('createDashAssessment', { params: { id: personId }, body: assessment, accessToken: await d.accessToken() });
    },
    'marac.referrals.create': async ({ referral }: ChannelParsedInput<'marac.referrals.create'>): Promise<ChannelOutput<'marac.referrals.create'>> => {
      const d = deps();
      return d.api.call('createMaracReferral', { body: referral, accessToken: await d.accessToken() });
    },
    'marac.referrals.list': async ({ maracAreaId }: ChannelParsedInput<'marac.referrals.list'>): Promise<ChannelOutput<'marac.referrals.list'>> => {
      const d = deps();
      return online('MARAC referrals', async () => d.api.call('listMaracReferrals', {
        query: maracAreaId === undefined ? {} : { maracAreaId }, accessToken: await d.accessToken(),
      }));
    },
  };
}
