/**
 * The user's own notifications: read from the server when asked, again after each sync (the
 * query reads through the sync invalidation) and when the core announces new ones; marking
 * read refreshes them.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { desktopQueryKey, useDesktopMutation, useDesktopQuery } from './desktop-query.ts';
import { useDesktopApi } from './desktop-api-context.ts';

/** The list and unread count, and the two ways to mark them read. */
export function useMyNotifications() {
  const api = useDesktopApi();
  const queryClient = useQueryClient();
  const query = useDesktopQuery('notifications.mine', null, { staleTime: 0 });
  const { refetch } = query;
  useEffect(() => api.on('notifications.arrived', () => void refetch()), [api, refetch]);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: desktopQueryKey('notifications.mine', null) });
  const markRead = useDesktopMutation('notifications.markRead');
  const markAllRead = useDesktopMutation('notifications.markAllRead');
  return {
    query,
    markRead: (id: string) => markRead.mutate({ id }, { onSettled: refresh }),
    markAllRead: () => markAllRead.mutate(null, { onSettled: refresh }),
    marking: markRead.isPending || markAllRead.isPending,
    markError: markRead.error ?? markAllRead.error,
  };
}
