// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDetailView } from '../../../domain/ipc/case-detail-view.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { StartReferral } from './StartReferral.tsx';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const CASE_ID = id(1);
const ROSALIND = id(11);
const OPAL = id(12);

function caseView(subjects: CaseDetailView['subjects']): CaseDetailView {
  return {
    case: {
      id: CASE_ID, reference: 'HVS-2026-00042', title: 'High-risk domestic abuse – victim 42', caseType: 'domestic_abuse_marac', status: 'open',
      closureReason: null, riskLevel: 'high', reviewDate: null, ownerAgencyName: 'Haven Victim Support', sharingLevel: 'shared',
      createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z', version: 1,
      abilities: { read: true, update: true, share: true, close: true, transfer: false, add_report: true, add_task: true, add_document: true, link: true },
    },
    subjects, markers: [], places: [], openTasks: [], reports: [], reportCount: 0, documents: [], localChanges: { pending: 0, rejected: 0, conflicts: 0 },
  };
}

const current = {
  id: id(30), personId: ROSALIND, version: '2015', answers: [{ n: 1, answer: 'yes' }], score: 15, scoredBand: 'high', band: 'high',
  professionalJudgement: null, assessedBy: { id: id(31), displayName: 'Nia Roberts' }, agency: { id: id(32), name: 'Haven Victim Support' },
  assessedAt: new Date(Date.now() - 86_400_000).toISOString(), reassessmentDue: new Date(Date.now() + 50 * 86_400_000).toISOString(),
};

function show(subjects: CaseDetailView['subjects']) {
  const recording = recordingDesktopApi({
    'cases.detail': () => ({ ok: true, value: caseView(subjects) }),
    'marac.assessments.list': (input) => ({
      ok: true, value: (input as { personId: string }).personId === ROSALIND ? { assessments: [current], reassessmentDue: current.reassessmentDue } : { assessments: [], reassessmentDue: null },
    }),
  });
  const referred: Array<[string, string]> = [];
  renderWithProviders(
    <StartReferral caseId={CASE_ID} onBack={() => undefined} onChecklist={() => undefined} onRefer={(personId, assessmentId) => referred.push([personId, assessmentId])} />,
    { api: recording.api },
  );
  return { ...recording, referred };
}

afterEach(cleanup);

describe('Refer to MARAC from a case', () => {
  it("names the case it will be linked to and picks the case's one victim, going on with their current checklist", async () => {
    const { calls, referred } = show([
      { id: id(2), personId: id(13), role: 'perpetrator', displayName: 'Caspian Synthwood' },
      { id: id(3), personId: ROSALIND, role: 'victim', displayName: 'Rosalind Synthwood' },
    ]);
    expect((await screen.findByTestId('referral-linked-case')).textContent).toBe('The referral will be linked to case HVS-2026-00042, High-risk domestic abuse – victim 42.');
    expect((await screen.findByTestId('chosen-victim')).textContent).toBe('Rosalind Synthwood');
    expect(screen.getByRole('button', { name: '← Back to the case' })).toBeTruthy();
    await userEvent.click(await screen.findByRole('button', { name: 'Continue to the referral form' }));
    expect(referred).toEqual([[ROSALIND, id(30)]]);
    expect(calls.filter((c) => c.channel === 'marac.assessments.list').map((c) => c.input)).toEqual([{ personId: ROSALIND }]);
  });

  it("offers each of the case's victims when there are several, and the search for anyone else", async () => {
    show([
      { id: id(3), personId: ROSALIND, role: 'victim', displayName: 'Rosalind Synthwood' },
      { id: id(4), personId: OPAL, role: 'victim', displayName: 'Opal Synthwood' },
    ]);
    await userEvent.click(await screen.findByRole('button', { name: 'Choose Opal Synthwood (victim on the case)' }));
    expect(screen.getByTestId('chosen-victim').textContent).toBe('Opal Synthwood');
    expect((await screen.findByTestId('current-checklist')).textContent).toContain('Opal Synthwood has no DASH checklist you can see.');
    await userEvent.click(screen.getByRole('button', { name: 'Choose someone else' }));
    expect(screen.getByRole('button', { name: 'Choose Rosalind Synthwood (victim on the case)' })).toBeTruthy();
    expect(screen.getByLabelText('Find the victim')).toBeTruthy();
  });

  it('with no network, offers a new checklist kept on this computer', async () => {
    const checklist: string[] = [];
    const recording = recordingDesktopApi({
      'cases.detail': () => ({ ok: true, value: caseView([{ id: id(3), personId: ROSALIND, role: 'victim', displayName: 'Rosalind Synthwood' }]) }),
      'marac.assessments.list': () => ({ ok: false, error: { code: 'network_error', message: 'Risk assessments come from the server.' } }),
    });
    renderWithProviders(<StartReferral caseId={CASE_ID} onBack={() => undefined} onChecklist={(personId) => checklist.push(personId)} onRefer={() => undefined} />, { api: recording.api });
    expect((await screen.findByTestId('offline-checklist')).textContent).toContain('kept on this computer');
    await userEvent.click(screen.getByRole('button', { name: 'Complete the DASH checklist' }));
    expect(checklist).toEqual([ROSALIND]);
  });
});
