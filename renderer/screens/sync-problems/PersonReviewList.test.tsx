// @vitest-environment jsdom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PersonReview, SettlePersonReviewInput } from '../../../domain/ipc/sync-channels.ts';
import { fail, ok, type Result } from '../../../domain/result.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { PersonReviewList } from './PersonReviewList.tsx';

const NEW = '6f1c0a52-0000-4000-8000-0000000000d1';
const FULL = '6f1c0a52-0000-4000-8000-0000000000e1';
const PROFILE = '6f1c0a52-0000-4000-8000-0000000000e3';
const STUB = '6f1c0a52-0000-4000-8000-0000000000e2';
const AGENCY = '6f1c0a52-0000-4000-8000-0000000000a1';
const record = (id: string, givenName: string) => ({
  id, givenName, familyName: 'Featherby', dateOfBirth: '1985-03-02', estimatedBirthYear: null, gender: 'female',
  ownerAgencyId: AGENCY, consentStatus: 'not_sought', aliases: [], identifiers: [], version: 1, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  abilities: { update: false, transfer: false, addAlias: false, addIdentifier: false, requestAccess: false },
});
const REVIEW = {
  personId: NEW, givenName: 'Rosa', familyName: 'Featherby', createdAt: '2026-12-05T10:15:00.000Z',
  likelyMatches: [
    { view: 'full', score: 0.92, reasons: ['same_family_name_sound', 'same_date_of_birth'], person: record(FULL, 'Rosalind') },
    { view: 'profile', score: 0.8, reasons: ['similar_name'], person: record(PROFILE, 'Rosaline') },
    { view: 'stub', score: 0.7, reasons: ['same_year_of_birth'], person: {
      id: STUB, displayName: 'R. Featherby', yearOfBirth: 1985, involvedAgencies: [{ id: AGENCY, name: 'Riverton Homes Association' }], requestAccess: true,
    } },
  ],
} as PersonReview;

function show(answer: () => Promise<Result<unknown>> = () => Promise.resolve(ok(null))) {
  const settle = vi.fn((_input: SettlePersonReviewInput) => answer());
  const onSettled = vi.fn();
  renderWithProviders(<PersonReviewList reviews={[REVIEW]} settle={settle} onSettled={onSettled} />);
  return { settle, onSettled };
}

afterEach(cleanup);

describe('people to review', () => {
  it('names the person recorded here and the likely matches with their reasons; only a record seen in full can be used', () => {
    show();
    const item = screen.getByTestId('person-reviews');
    expect(within(item).getByRole('heading', { level: 3 }).textContent).toBe('Rosa Featherby: recorded on this computer, may already be known');
    const candidates = within(within(item).getByTestId('duplicate-candidates')).getAllByRole('listitem');
    expect(candidates.map((c) => c.textContent)).toEqual([
      expect.stringContaining('Why: same family name sound, same date of birth'),
      expect.stringContaining('Rosaline Featherby'),
      expect.stringContaining('Known to: Riverton Homes Association'),
    ]);
    expect(candidates[1]!.textContent).toContain('You see only this person’s minimal profile, so they cannot be used here.');
    expect(within(candidates[0]!).getByRole('button', { name: 'Use this person: Rosalind Featherby' })).toBeTruthy();
    expect(within(candidates[1]!).queryByRole('button')).toBeNull();
    expect(within(candidates[2]!).queryByRole('button')).toBeNull();
  });

  it('"Use this person" and "Keep as new" send the answer for this person', async () => {
    const { settle, onSettled } = show();
    await userEvent.click(screen.getByRole('button', { name: 'Use this person: Rosalind Featherby' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep as new' }));
    expect(settle.mock.calls.map(([input]) => input)).toEqual([
      { personId: NEW, choice: 'use_existing', existingPersonId: FULL },
      { personId: NEW, choice: 'keep_new' },
    ]);
    await waitFor(() => expect(onSettled).toHaveBeenCalledTimes(2));
  });

  it('shows a refusal in words and keeps the item', async () => {
    const { onSettled } = show(() => Promise.resolve(fail({ code: 'not_found', message: 'No person to review with this id.' })));
    await userEvent.click(screen.getByRole('button', { name: 'Keep as new' }));
    expect((await screen.findByRole('alert')).textContent).not.toBe('');
    expect(onSettled).not.toHaveBeenCalled();
    expect(screen.getByTestId('person-reviews')).toBeTruthy();
  });
});
