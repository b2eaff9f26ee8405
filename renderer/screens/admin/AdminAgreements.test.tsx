// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../../domain/entities.ts';
import type { AdminAgency } from '../../../domain/http/agency-admin-routes.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { AdminAgreements } from './AdminAgreements.tsx';
import { AdminAgencies } from './AdminAgencies.tsx';

const id = (n: number) => `0b6a3c1e-0000-4000-8000-${String(n).padStart(12, '0')}`;
const ADMIN: SessionUser = { id: id(1), username: 'nadia.brooks', displayName: 'Nadia Brooks', role: 'system_admin', agencyId: id(2), agencyName: 'Riverton City Council', teamIds: [] };
const agency = (n: number, name: string, code: string, overrides: Partial<AdminAgency> = {}): AdminAgency => ({
  id: id(n), name, kind: 'council', code, sharingRestricted: false, partnerAgencyIds: [], userCount: 3, ...overrides,
});
const POLICE = agency(10, 'Northshire Police', 'NSP', { kind: 'police', sharingRestricted: true, partnerAgencyIds: [id(11)] });
const COUNCIL = agency(11, 'Riverton City Council', 'RCC');
const HOUSING = agency(12, 'Riverton Homes Association', 'RHA', { kind: 'housing', sharingRestricted: true });

afterEach(cleanup);

describe('the sharing agreements screen', () => {
  it('shows the matrix in words: own, yes where a row may share with a column, no elsewhere', async () => {
    renderWithProviders(<AdminAgreements admin={ADMIN} onBack={vi.fn()} onOpen={vi.fn()} />, {
      api: recordingDesktopApi({ 'admin.agencies.list': () => ({ ok: true, value: { agencies: [POLICE, COUNCIL, HOUSING] } }) }).api,
    });
    const matrix = await screen.findByTestId('agreement-matrix');
    const cells = (name: string) => within(within(matrix).getByRole('row', { name: new RegExp(`^${name}`) })).getAllByRole('cell').map((c) => c.textContent);
    expect(cells('Northshire Police')).toEqual(['Own', 'Yes', 'No']);
    expect(cells('Riverton City Council')).toEqual(['Yes', 'Own', 'Yes']);
    expect(cells('Riverton Homes Association')).toEqual(['No', 'No', 'Own']);
  });

  it('saves one agency\'s rule and partners whole, and says what it may now share with', async () => {
    const recording = recordingDesktopApi({
      'admin.agencies.list': () => ({ ok: true, value: { agencies: [POLICE, COUNCIL, HOUSING] } }),
      'admin.agencies.setAgreements': () => ({ ok: true, value: { ...HOUSING, partnerAgencyIds: [id(10), id(11)] } }),
    });
    renderWithProviders(<AdminAgreements admin={ADMIN} onBack={vi.fn()} onOpen={vi.fn()} />, { api: recording.api });
    await userEvent.selectOptions(await screen.findByLabelText('Agency to change'), 'Riverton Homes Association');
    const form = screen.getByRole('form', { name: 'Sharing agreements of Riverton Homes Association' });
    await userEvent.click(within(form).getByLabelText('Northshire Police'));
    await userEvent.click(within(form).getByLabelText('Riverton City Council'));
    await userEvent.click(within(form).getByRole('button', { name: 'Save agreements' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Saved. Riverton Homes Association may share with: Northshire Police, Riverton City Council.'));
    expect(recording.calls.find((c) => c.channel === 'admin.agencies.setAgreements')!.input).toEqual({
      agencyId: id(12), sharingRestricted: true, partnerAgencyIds: [id(10), id(11)],
    });
  });

  it("shows the server's refusal in its own words and offers the agencies screen only to a system administrator", async () => {
    renderWithProviders(<AdminAgencies admin={{ ...ADMIN, role: 'agency_admin' }} onBack={vi.fn()} onOpen={vi.fn()} />, {
      api: recordingDesktopApi({
        'admin.agencies.list': () => ({ ok: false, error: { code: 'authorization_error', message: 'Only a system administrator can add agencies or change sharing agreements.' } }),
      }).api,
    });
    expect((await screen.findByRole('alert')).textContent).toContain('Only a system administrator can add agencies');
    const nav = screen.getByRole('navigation', { name: 'Administration' });
    expect(within(nav).getAllByRole('button').map((b) => b.textContent)).toEqual(['Users', 'Teams', 'Devices']);
  });
});
