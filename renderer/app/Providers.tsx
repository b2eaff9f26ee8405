/** What every part of the window relies on: the desktop API and a query cache for the screens shown before sign-in. */
import { QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { I18nProvider } from 'react-aria-components';
import type { DesktopApi } from '../../domain/ipc/contract.ts';
import { DesktopApiContext } from '../api/desktop-api-context.ts';
import { createQueryClient } from '../api/query-client.ts';

/**
 * The root query cache holds only what is not a user's data (preferences, sign-in calls); the
 * signed-in Workspace brings its own cache, dropped at sign-out.
 */
export function Providers({ api, children }: { api: DesktopApi; children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <DesktopApiContext value={api}>
      <QueryClientProvider client={queryClient}>
        {/* Dates in the UK order (day, month, year) in every react-aria field. */}
        <I18nProvider locale="en-GB">{children}</I18nProvider>
      </QueryClientProvider>
    </DesktopApiContext>
  );
}
