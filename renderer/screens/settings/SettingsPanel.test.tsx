import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../domain/errors.ts';
import type { UiSettings } from '../../../domain/ipc/preferences-channels.ts';
import { ok } from '../../../domain/result.ts';
import { buildUiSettings } from '../../test-support/factories.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { SettingsPanel } from './SettingsPanel.tsx';

const render = (settings: UiSettings | null, loadError: ErrorBody | null = null) =>
  renderToStaticMarkup(
    <SettingsPanel
      state={{ settings, loadError, update: () => Promise.resolve(ok(settings ?? buildUiSettings())), reload: () => undefined }}
      onClose={() => undefined}
    />,
  );

/** The options of the select labelled `label`, as [value, text, selected]. */
function options(html: string, label: string): Array<[string, string, boolean]> {
  const labelFor = new RegExp(`<label class="field__label" for="([^"]+)">${label}</label>`).exec(html)?.[1];
  expect(labelFor, label).toBeDefined();
  const select = new RegExp(`<select id="${labelFor}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
  return [...select.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map((m) => [m[1]!, m[3]!, m[2] !== undefined]);
}

describe('the settings panel', () => {
  it('shows the theme, page size and idle lock in effect as the chosen options', () => {
    const html = render(buildUiSettings({ theme: 'dark', queuePageSize: 25, idleLockMinutes: 5 }, 15));
    expect(options(html, 'Theme').filter(([, , selected]) => selected).map(([value]) => value)).toEqual(['dark']);
    expect(options(html, 'Cases per page')).toEqual([['25', '25', true], ['50', '50', false], ['100', '100', false]]);
    expect(options(html, 'Lock Casebridge when idle for').find(([, , selected]) => selected)?.[0]).toBe('5');
  });

  it('offers every theme, including following the computer', () => {
    expect(options(render(buildUiSettings()), 'Theme').map(([value, text]) => [value, text])).toEqual([
      ['system', 'Same as this computer'], ['light', 'Light'], ['dark', 'Dark'],
    ]);
  });

  it('offers idle locks from one minute up to the longest the policy allows, and no longer', () => {
    const html = render(buildUiSettings({ idleLockMinutes: 10 }, 10));
    expect(options(html, 'Lock Casebridge when idle for').map(([value, text]) => [value, text])).toEqual([
      ['1', '1 minute'], ['2', '2 minutes'], ['3', '3 minutes'], ['5', '5 minutes'], ['10', '10 minutes'],
    ]);
    expect(html).toContain('The longest allowed on this computer is 10 minutes.');
  });

  it('announces in an alert that the settings could not be read, with a way to try again', () => {
    const html = render(null, { code: 'internal_error', message: 'x' });
    expect(html).toMatch(new RegExp(`role="alert"><p>${errorMessage('internal_error')}</p><button type="button" class="button">Try again</button>`));
    expect(html).not.toContain('<select');
  });

  it('says it is loading before the core has answered', () => {
    const html = render(null);
    expect(html).toContain('<p role="status">Loading settings…</p>');
    expect(html).not.toContain('role="alert"');
  });
});
