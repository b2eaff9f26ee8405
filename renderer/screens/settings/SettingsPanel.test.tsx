// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErrorBody } from '../../../domain/errors.ts';
import type { UiSettings } from '../../../domain/ipc/preferences-channels.ts';
import { ok } from '../../../domain/result.ts';
import { buildUiSettings } from '../../test-support/factories.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import { SettingsPanel } from './SettingsPanel.tsx';

const render = (settings: UiSettings | null, loadError: ErrorBody | null = null) =>
  renderWithProviders(
    <SettingsPanel
      state={{ settings, loadError, update: () => Promise.resolve(ok(settings ?? buildUiSettings())), reload: () => undefined }}
      onClose={() => undefined}
    />,
  );

/** The options of the select labelled `label`, as [value, text, selected]. */
function options(label: string): Array<[string, string, boolean]> {
  const select = screen.getByLabelText(label);
  return within(select)
    .getAllByRole<HTMLOptionElement>('option')
    .map((option) => [option.value, option.textContent ?? '', option.selected]);
}

afterEach(cleanup);

describe('the settings panel', () => {
  it('shows the theme, page size and idle lock in effect as the chosen options', () => {
    render(buildUiSettings({ theme: 'dark', queuePageSize: 25, idleLockMinutes: 5 }, 15));
    expect(options('Theme').filter(([, , selected]) => selected).map(([value]) => value)).toEqual(['dark']);
    expect(options('Cases per page')).toEqual([['25', '25', true], ['50', '50', false], ['100', '100', false]]);
    expect(options('Lock Casebridge when idle for').find(([, , selected]) => selected)?.[0]).toBe('5');
  });

  it('offers every theme, including following the computer', () => {
    render(buildUiSettings());
    expect(options('Theme').map(([value, text]) => [value, text])).toEqual([
      ['system', 'Same as this computer'], ['light', 'Light'], ['dark', 'Dark'],
    ]);
  });

  it('offers idle locks from one minute up to the longest the policy allows, and no longer', () => {
    render(buildUiSettings({ idleLockMinutes: 10 }, 10));
    expect(options('Lock Casebridge when idle for').map(([value, text]) => [value, text])).toEqual([
      ['1', '1 minute'], ['2', '2 minutes'], ['3', '3 minutes'], ['5', '5 minutes'], ['10', '10 minutes'],
    ]);
    expect(document.body.textContent).toContain('The longest allowed on this computer is 10 minutes.');
  });

  it('announces in an alert that the settings could not be read, with a way to try again', () => {
    render(null, { code: 'internal_error', message: 'x' });
    const alert = screen.getByRole('alert');
    expect(within(alert).getByText(errorMessage('internal_error')).tagName).toBe('P');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    expect(screen.queryAllByRole('combobox')).toHaveLength(0);
  });

  it('says it is loading before the core has answered', () => {
    render(null);
    expect(screen.getByRole('status').textContent).toBe('Loading settings…');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
