import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ok } from '../../domain/result.ts';
import { buildSessionUser, buildUiSettings } from '../test-support/factories.ts';
import { silentDesktopApi } from '../test-support/silent-desktop-api.ts';
import { DesktopApiContext } from '../api/desktop-api-context.ts';
import { OFFLINE_NOTICE } from './OfflineBanner.tsx';
import { Workspace } from '../app/Workspace.tsx';

const settings = { settings: buildUiSettings(), loadError: null, update: () => Promise.resolve(ok(buildUiSettings())), reload: () => undefined };
const render = (offline: boolean) =>
  renderToStaticMarkup(
    <DesktopApiContext value={silentDesktopApi()}>
      <Workspace user={buildSessionUser()} offline={offline} settings={settings} onSignedOut={() => undefined} />
    </DesktopApiContext>,
  );

describe('the workspace of a session signed in offline', () => {
  it('says calmly, under the top bar, that changes stay on this computer until Casebridge reconnects', () => {
    const html = render(true);
    expect(OFFLINE_NOTICE).toBe('Signed in offline — your changes are kept on this computer and sent when Casebridge reconnects.');
    expect(html).toContain(`<p class="offline-banner" role="status" data-testid="offline-banner">${OFFLINE_NOTICE}</p>`);
    expect(html.indexOf('</header>')).toBeLessThan(html.indexOf('offline-banner'));
    expect(html.indexOf('offline-banner')).toBeLessThan(html.indexOf('<main'));
  });

  it('shows no offline notice once the core says the session is online', () => {
    const html = render(false);
    expect(html).not.toContain('offline-banner');
    expect(html).not.toContain('Signed in offline');
  });
});
