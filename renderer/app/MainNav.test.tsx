// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../domain/entities.ts';
import { recordingDesktopApi } from '../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../test-support/render.tsx';
import { MainNav } from './MainNav.tsx';
import type { MainNavTarget } from './main-nav.ts';

const COORDINATOR: SessionUser = {
  id: '6f1c0a52-0000-4000-8000-0000000000e1', username: 'helen.clarke', displayName: 'Helen Clarke', role: 'marac_coordinator',
  agencyId: '6f1c0a52-0000-4000-8000-0000000000a1', agencyName: 'Riverton City Council', teamIds: [],
};

afterEach(cleanup);

describe('the top bar navigation behind its Menu button', () => {
  it('opens and closes with the Menu button, names what it controls, and closes when a screen is chosen', async () => {
    const chosen: MainNavTarget[] = [];
    renderWithProviders(<MainNav user={COORDINATOR} onNavigate={(target) => chosen.push(target)} />, { api: recordingDesktopApi({}).api });
    // No answer about notifications yet: no count on the Menu button.
    const menu = screen.getByRole('button', { name: 'Menu' });
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(menu.getAttribute('aria-controls')).toBe(nav.id);
    expect(menu.getAttribute('aria-expanded')).toBe('false');

    await userEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('true');
    await userEvent.click(screen.getByRole('button', { name: 'MARAC meetings' }));
    expect(chosen).toEqual(['marac-meetings']);
    expect(menu.getAttribute('aria-expanded')).toBe('false');

    await userEvent.click(menu);
    await userEvent.click(menu);
    expect(menu.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('the Menu button while folded', () => {
  it('carries the unread count, which the open menu shows on Notifications instead', async () => {
    const api = recordingDesktopApi({ 'notifications.mine': () => ({ ok: true, value: { notifications: [], unread: 3 } }) }).api;
    renderWithProviders(<MainNav user={COORDINATOR} onNavigate={() => undefined} />, { api });
    const menu = await screen.findByRole('button', { name: /^Menu\s*,\s*3\s*unread$/ });
    await userEvent.click(menu);
    expect(menu.textContent).toBe('Menu');
    expect(screen.getByRole('button', { name: /^Notifications\s*,\s*3\s*unread$/ })).toBeTruthy();
  });
});
