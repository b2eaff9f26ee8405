/** Queries and mutations over the desktop API: the key is `[channel, input]` and the Result is unwrapped. */
import { useMutation, useQuery, type UseMutationResult, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { ChannelInput, ChannelName, ChannelOutput, DesktopApi } from '../../domain/ipc/contract.ts';
import type { Result } from '../../domain/result.ts';
import { DesktopCallError } from './desktop-call-error.ts';
import { useDesktopApi } from './desktop-api-context.ts';

/** The query key of a channel call: the channel's name, then its input. */
export type DesktopQueryKey<C extends ChannelName> = readonly [C, ChannelInput<C>];

/** The query key of `channel` called with `input`. */
export function desktopQueryKey<C extends ChannelName>(channel: C, input: ChannelInput<C>): DesktopQueryKey<C> {
  return [channel, input];
}

/** Calls a channel and answers its value, or throws a DesktopCallError carrying the core's error body. */
export async function callChannel<C extends ChannelName>(api: DesktopApi, channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  // DesktopApi maps every channel to exactly this signature; TypeScript cannot see it through the generic index.
  const call = api[channel] as unknown as (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  const result = await call(input);
  if (!result.ok) {
    throw new DesktopCallError(result.error);
  }
  return result.value;
}

/** Options a screen may add to a channel query (the key and function are the layer's). */
export type DesktopQueryOptions<C extends ChannelName> = Omit<UseQueryOptions<ChannelOutput<C>, Error, ChannelOutput<C>, DesktopQueryKey<C>>, 'queryKey' | 'queryFn'>;

/** Reads a channel through TanStack Query; fresh data arrives when sync-status invalidation marks it stale. */
export function useDesktopQuery<C extends ChannelName>(channel: C, input: ChannelInput<C>, options: DesktopQueryOptions<C> = {}): UseQueryResult<ChannelOutput<C>> {
  const api = useDesktopApi();
  return useQuery({ ...options, queryKey: desktopQueryKey(channel, input), queryFn: () => callChannel(api, channel, input) });
}

/** Writes through a channel; the variables are the channel's input. */
export function useDesktopMutation<C extends ChannelName>(channel: C): UseMutationResult<ChannelOutput<C>, Error, ChannelInput<C>> {
  const api = useDesktopApi();
  return useMutation({ mutationFn: (input: ChannelInput<C>) => callChannel(api, channel, input) });
}
