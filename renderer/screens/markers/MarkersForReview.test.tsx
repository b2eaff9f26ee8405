// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MarkerReviewItem } from '../../../domain/ipc/marker-channels.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { MarkersForReview } from './MarkersForReview.tsx';

const item = (overrides: Partial<MarkerReviewItem>): MarkerReviewItem => ({
  id: '3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e10', markerType: 'staff_safety', description: 'Dog at the door', subjectType: 'person',
  subjectId: '3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e20', subjectName: 'Ada Byron', caseId: null, reviewDate: '2026-12-01', expiresAt: null, overdue: true, ...overrides,
});

function show(markers: MarkerReviewItem[]) {
  const onOpenCase = vi.fn();
  const onOpenPerson = vi.fn();
  const recording = recordingDesktopApi({
    'markers.reviewDue': () => ({ ok: true, value: { markers } }),
    'changes.submit': () => ({ ok: true, value: { mutationId: 1 } }),
  });
  renderWithProviders(<MarkersForReview onBack={vi.fn()} onOpenCase={onOpenCase} onOpenPerson={onOpenPerson} />, { api: recording.api });
  return { ...recording, onOpenCase, onOpenPerson };
}

afterEach(cleanup);

describe('markers due for review', () => {
  it('lists each warning with its review date and links to what it is on', async () => {
    const { onOpenCase, onOpenPerson } = show([
      item({}),
      item({ id: '3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e11', markerType: 'weapons', subjectType: 'location', subjectId: '3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e30',
        subjectName: '1 High Street', caseId: '3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e40', overdue: false, reviewDate: '2026-12-12' }),
    ]);
    const rows = await screen.findAllByTestId('review-marker');
    expect(rows).toHaveLength(2);
    expect(within(rows[0]!).getByText('· Overdue', { exact: false })).toBeTruthy();
    expect(within(rows[1]!).queryByText('· Overdue', { exact: false })).toBeNull();
    await userEvent.click(within(rows[0]!).getByRole('button', { name: 'Ada Byron' }));
    expect(onOpenPerson).toHaveBeenCalledWith('3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e20');
    await userEvent.click(within(rows[1]!).getByRole('button', { name: '1 High Street' }));
    expect(onOpenCase).toHaveBeenCalledWith('3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e40');
  });

  it('says when nothing is due', async () => {
    show([]);
    expect(await screen.findByText('No warnings are due for review.')).toBeTruthy();
  });

  it('marks a warning reviewed from the list', async () => {
    const { calls } = show([item({})]);
    await userEvent.click(await screen.findByRole('button', { name: 'Mark reviewed: Staff safety warning on Ada Byron' }));
    await userEvent.click(within(screen.getByRole('dialog', { name: 'Mark warning reviewed' })).getByRole('button', { name: 'Mark reviewed' }));
    expect(await screen.findByText('Review saved on this computer. It is sent to the server at the next sync.')).toBeTruthy();
    expect(calls.filter((c) => c.channel === 'changes.submit')).toEqual([
      { channel: 'changes.submit', input: { name: 'marker.update', args: { markerId: '3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e10', reviewDate: expect.any(String) as string } } },
    ]);
  });
});
