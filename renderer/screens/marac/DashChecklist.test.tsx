// @vitest-environment jsdom
/** The DASH checklist when the server cannot be reached (docs/marac.md, "Offline"): it waits on this computer and is scored when it syncs. */
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { DashChecklist } from './DashChecklist.tsx';

const VICTIM = '00000000-0000-4000-8000-000000000011';

afterEach(cleanup);

describe('the DASH checklist with no network', () => {
  it('keeps the checklist on this computer, shows the level as counted here, and offers the referral with its id', async () => {
    const recording = recordingDesktopApi({
      'marac.assessments.list': () => ({ ok: false, error: { code: 'network_error', message: 'Risk assessments come from the server.' } }),
      'marac.assessments.create': () => ({ ok: false, error: { code: 'network_error', message: 'Casebridge cannot connect.' } }),
      'changes.submit': () => ({ ok: true, value: { mutationId: 3 } }),
    });
    const referred: string[] = [];
    renderWithProviders(<DashChecklist personId={VICTIM} onBack={() => undefined} onRefer={(assessmentId) => referred.push(assessmentId)} />, { api: recording.api });
    for (const n of Array.from({ length: 24 }, (_, i) => i + 1)) {
      const question = screen.getByTestId(`dash-question-${String(n)}`);
      fireEvent.click(within(question).getAllByRole('radio')[n <= 15 ? 0 : 1]!);
    }
    await userEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Checklist kept on this computer' })).toBeTruthy();
    expect(screen.getByTestId('dash-saved-level').textContent).toMatch(/^Score 15: High risk, as counted on this computer\..*the server confirms the score and band then\.$/);
    const queued = recording.calls.filter((c) => c.channel === 'changes.submit').map((c) => c.input as { name: string; args: { assessmentId: string; personId: string; assessment: { answers: unknown[] } } });
    expect(queued.map((q) => [q.name, q.args.personId, q.args.assessment.answers.length])).toEqual([['dash_assessment.create', VICTIM, 24]]);
    await userEvent.click(screen.getByRole('button', { name: 'Refer to MARAC' }));
    expect(referred).toEqual([queued[0]?.args.assessmentId]);
  });
});
