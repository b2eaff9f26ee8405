// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../domain/result.ts';
import { Workspace } from './Workspace.tsx';
import { buildSessionUser, buildUiSettings } from '../test-support/factories.ts';
import { renderWithProviders } from '../test-support/render.tsx';
import { OFFLINE_NOTICE } from '../components/OfflineBanner.tsx';

const settings = { settings: buildUiSettings(), loadError: null, update: () => Promise.resolve(ok(buildUiSettings())), reload: () => undefined };
const render = (offline: boolean) =>
  renderWithProviders(<Workspace user={buildSessionUser()} offline={offline} settings={settings} onSignedOut={() => undefined} />);

afterEach(cleanup);

describe('the workspace of a session signed in offline', () => {
  it('says calmly, under the top bar, that changes stay on this computer until Casebridge reconnects', async () => {
    render(true);
    expect(OFFLINE_NOTICE).toBe('Signed in offline — your changes are kept on this computer and sent when Casebridge reconnects.');
    const banner = await screen.findByTestId('offline-banner');
    expect(banner.getAttribute('role')).toBe('status');
    expect(banner.textContent).toBe(OFFLINE_NOTICE);
    const header = screen.getByRole('banner');
    const main = screen.getByRole('main');
    expect(header.compareDocumentPosition(banner) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(banner.compareDocumentPosition(main) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows no offline notice once the core says the session is online', async () => {
    render(false);
    await screen.findByRole('main');
    expect(screen.queryByTestId('offline-banner')).toBeNull();
    expect(document.body.textContent).not.toContain('Signed in offline');
  });
});
