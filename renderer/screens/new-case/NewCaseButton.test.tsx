// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { NewCaseButton } from './NewCaseButton.tsx';

const TEAM_A = '6f1c0a52-0000-4000-8000-00000000000a';
const TEAM_B = '6f1c0a52-0000-4000-8000-00000000000b';

function open(answer: 'ok' | 'refused' = 'ok') {
  const recording = recordingDesktopApi({
    // The offline copy's case types: a retired one is never offered for a new case.
    'cases.types': () => ({ ok: true, value: { caseTypes: [
      { code: 'asb', label: 'Anti-social behaviour', active: true }, { code: 'hate_crime', label: 'Hate crime', active: true },
      { code: 'old_panel', label: 'Old panel', active: false },
    ] } }),
    'changes.submit': () => (answer === 'ok'
      ? { ok: true, value: { mutationId: 3 } }
      : { ok: false, error: { code: 'validation_error', message: 'Invalid arguments.' } }),
  });
  const onCreated = vi.fn();
  renderWithProviders(<NewCaseButton teamIds={[TEAM_A, TEAM_B]} onCreated={onCreated} />, { api: recording.api });
  return { ...recording, onCreated };
}

const submitted = (calls: Array<{ channel: string; input: unknown }>) => calls.filter((c) => c.channel === 'changes.submit');

afterEach(cleanup);

describe('a new case', () => {
  it('opens a dialog and refuses a missing type and an empty title beside each field, sending nothing', async () => {
    const { calls, onCreated } = open();
    await userEvent.click(screen.getByRole('button', { name: 'New case' }));
    const dialog = screen.getByRole('dialog', { name: 'New case' });
    await userEvent.type(within(dialog).getByLabelText('Title'), '   ');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create case' }));
    for (const label of ['Case type', 'Title']) {
      const field = within(dialog).getByLabelText(label);
      expect(field.getAttribute('aria-invalid'), label).toBe('true');
      expect(document.getElementById(field.getAttribute('aria-describedby')!)?.textContent, label).toBeTruthy();
    }
    expect(submitted(calls)).toEqual([]);
    expect(onCreated).not.toHaveBeenCalled();
    const offered = within(within(dialog).getByLabelText('Case type')).getAllByRole('option').map((o) => o.textContent);
    expect(offered).toEqual(['Choose a case type', 'Anti-social behaviour', 'Hate crime']);
  });

  it('words the domain’s own length limit for a title that is too long', async () => {
    const { calls } = open();
    await userEvent.click(screen.getByRole('button', { name: 'New case' }));
    await userEvent.selectOptions(screen.getByLabelText('Case type'), 'asb');
    await userEvent.click(screen.getByLabelText('Title'));
    await userEvent.paste('x'.repeat(201));
    await userEvent.click(screen.getByRole('button', { name: 'Create case' }));
    expect(await screen.findByText('Use 200 characters or fewer.')).toBeTruthy();
    expect(submitted(calls)).toEqual([]);
  });

  it('saves the case through the outbox with a client-made id and opens it', async () => {
    const { calls, onCreated } = open();
    await userEvent.click(screen.getByRole('button', { name: 'New case' }));
    await userEvent.selectOptions(screen.getByLabelText('Case type'), 'hate_crime');
    await userEvent.type(screen.getByLabelText('Title'), '  Graffiti at Marram Court  ');
    await userEvent.selectOptions(screen.getByLabelText('Owner team'), 'Your team 2');
    await userEvent.selectOptions(screen.getByLabelText('Who may see it'), 'owner_team');
    await userEvent.click(screen.getByRole('button', { name: 'Create case' }));
    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    const sent = submitted(calls);
    expect(sent).toHaveLength(1);
    const input = sent[0]!.input as { name: string; args: { caseId: string } };
    expect(input).toMatchObject({
      name: 'case.create',
      args: { caseType: 'hate_crime', title: 'Graffiti at Marram Court', reviewDate: null, ownerTeamId: TEAM_B, sharingLevel: 'owner_team' },
    });
    expect(onCreated).toHaveBeenCalledWith(input.args.caseId);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('keeps the dialog open with the refusal when the core refuses the case', async () => {
    const { onCreated } = open('refused');
    await userEvent.click(screen.getByRole('button', { name: 'New case' }));
    await userEvent.selectOptions(screen.getByLabelText('Case type'), 'asb');
    await userEvent.type(screen.getByLabelText('Title'), 'Noise');
    await userEvent.click(screen.getByRole('button', { name: 'Create case' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByRole('dialog', { name: 'New case' })).toBeTruthy();
    expect(onCreated).not.toHaveBeenCalled();
  });
});
