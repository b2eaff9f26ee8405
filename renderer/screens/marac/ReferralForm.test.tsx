// @vitest-environment jsdom
/** The referral form when the server cannot be reached (docs/marac.md, "Offline"): the referral waits on this computer. */
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { ReferralForm } from './ReferralForm.tsx';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const VICTIM = id(11);
const ASSESSMENT = id(30);
const AREA = { id: id(40), name: 'Riverton MARAC', coordinatorAgency: { id: id(41), name: 'Riverton City Council' }, escalationIncidents: 3, escalationMonths: 12 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function show(create: (input: unknown) => unknown) {
  const recording = recordingDesktopApi({
    'marac.areas': () => ({ ok: true, value: { areas: [AREA] } }),
    'marac.referrals.create': create,
    'changes.submit': () => ({ ok: true, value: { mutationId: 7 } }),
  });
  renderWithProviders(<ReferralForm victimId={VICTIM} dashAssessmentId={ASSESSMENT} onBack={() => undefined} />, { api: recording.api });
  return recording;
}

afterEach(cleanup);

describe('the referral form with no network', () => {
  it('keeps the referral on this computer and says the server confirms the score, criteria and repeat flag when it syncs', async () => {
    const { calls } = show(() => ({ ok: false, error: { code: 'network_error', message: 'Casebridge cannot connect.' } }));
    await screen.findByRole('option', { name: 'Riverton MARAC' });
    await userEvent.type(screen.getByLabelText('Your name'), 'Nia Roberts');
    await userEvent.click(screen.getByRole('button', { name: 'Make the referral' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Referral kept on this computer' })).toBeTruthy();
    expect(screen.getByTestId('referral-queued').textContent).toContain('confirms the DASH score and band, works out the criteria and whether it is a repeat referral');
    expect(screen.queryByTestId('referral-repeat')).toBeNull();
    const queued = calls.filter((c) => c.channel === 'changes.submit').map((c) => c.input as { name: string; args: { referralId: string; newCaseId: string; referral: Record<string, unknown> } });
    expect(queued.map((q) => q.name)).toEqual(['marac_referral.create']);
    expect(queued[0]?.args.referralId).toMatch(UUID);
    expect(queued[0]?.args.newCaseId).toMatch(UUID);
    expect(queued[0]?.args.referral).toMatchObject({ maracAreaId: AREA.id, dashAssessmentId: ASSESSMENT, victim: expect.objectContaining({ personId: VICTIM }) as unknown });
    // The same body the online call carried.
    expect(queued[0]?.args.referral).toEqual((calls.find((c) => c.channel === 'marac.referrals.create')?.input as { referral: unknown }).referral);
  });

  it('queues nothing when the server refuses the referral: its reason is shown', async () => {
    const { calls } = show(() => ({ ok: false, error: { code: 'validation_error', message: 'Give the referrer’s phone number.' } }));
    await screen.findByRole('option', { name: 'Riverton MARAC' });
    await userEvent.click(screen.getByRole('button', { name: 'Make the referral' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Give the referrer’s phone number.');
    expect(calls.some((c) => c.channel === 'changes.submit')).toBe(false);
  });
});
