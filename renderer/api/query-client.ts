/** The one TanStack Query client of a window, set up for a desktop API that answers from this computer. */
import { QueryClient } from '@tanstack/react-query';

/**
 * No automatic retries (a refused call answers the same again; screens offer "Try again"), no refetch
 * on window focus (fresh data arrives through sync-status invalidation instead), and data stays fresh
 * until invalidated.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: Infinity },
      mutations: { retry: false },
    },
  });
}
