/** Renders a component as the app does (desktop API and query cache provided) into the test's DOM. */
import { render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import type { DesktopApi } from '../../domain/ipc/contract.ts';
import { Providers } from '../app/Providers.tsx';
import { silentDesktopApi } from './silent-desktop-api.ts';

/** `api` defaults to one that never answers, for components whose calls the test does not follow. */
export function renderWithProviders(ui: ReactElement, { api = silentDesktopApi() }: { api?: DesktopApi } = {}): RenderResult {
  return render(<Providers api={api}>{ui}</Providers>);
}
