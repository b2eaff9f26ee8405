/** The pages of an audit search read so far: the first, then one more per "Older events", each a channel query keyed by its cursor. */
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { AuditEvent } from '../../../domain/audit/audit-search.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { callChannel, desktopQueryKey } from '../../api/desktop-query.ts';
import type { AuditFilters } from './audit-search.ts';

/** Events per page. */
export const AUDIT_PAGE_SIZE = 50;

/** What the results show: every event read so far, whether more are loading, the failure, and how to read older ones. */
export interface AuditPages {
  events: AuditEvent[];
  loading: boolean;
  error: Error | null;
  /** Reads the next page; null when the last page has been read or one is loading. */
  older: (() => void) | null;
  retry: () => void;
}

/**
 * Reads page after page for `filters` (the caller remounts on new filters, so the list starts again).
 * Each search is audited by the server, so a page is read once and not again on focus.
 */
export function useAuditPages(filters: AuditFilters): AuditPages {
  const api = useDesktopApi();
  const [cursors, setCursors] = useState<Array<number | undefined>>([undefined]);
  const results = useQueries({
    queries: cursors.map((cursor) => {
      const input = { ...filters, limit: AUDIT_PAGE_SIZE, ...(cursor === undefined ? {} : { cursor }) };
      return {
        queryKey: desktopQueryKey('audit.search', input),
        queryFn: () => callChannel(api, 'audit.search', input),
        staleTime: Infinity, gcTime: 0, refetchOnWindowFocus: false, retry: false,
      };
    }),
  });
  const last = results.at(-1);
  const loading = results.some((r) => r.isFetching);
  const next = last?.data?.nextCursor ?? null;
  return {
    events: results.flatMap((r) => r.data?.events ?? []),
    loading,
    error: results.find((r) => r.error)?.error ?? null,
    older: next === null || loading ? null : () => setCursors((current) => [...current, next]),
    retry: () => void results.filter((r) => r.error).forEach((r) => void r.refetch()),
  };
}
