// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignOutPanel, type SignOutPanelProps } from './SignOutPanel.tsx';

const show = (props: Partial<SignOutPanelProps> = {}) => {
  const handlers = { onConfirm: vi.fn(), onCancel: vi.fn() };
  render(
    <>
      <button type="button">Behind the dialog</button>
      <SignOutPanel busy={false} unsent={null} {...handlers} {...props} />
    </>,
  );
  return { ...handlers, dialog: screen.getByRole('dialog', { name: 'Sign out of Casebridge?' }) };
};

afterEach(cleanup);

describe('the sign-out dialog', () => {
  it('offers keeping or removing the offline copy, and nothing about unsent work when there is none', () => {
    const { dialog } = show();
    expect(within(dialog).getByRole('checkbox', { name: /Also remove the offline copy from this computer/ })).toBeTruthy();
    expect(within(dialog).queryByRole('alert')).toBeNull();
    expect(within(dialog).queryByRole('button', { name: 'Remove anyway and lose it' })).toBeNull();
  });

  it('when removing would lose unsent work, says so in the core\u2019s words and offers an explicit way to lose it', async () => {
    const words = '1 change on this computer has not reached the server yet. Connect and sync first, or choose to remove it with the offline copy.';
    const { dialog, onConfirm } = show({ unsent: words });
    expect(within(dialog).getByRole('alert').textContent).toBe(words);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove anyway and lose it' }));
    expect(onConfirm).toHaveBeenCalledWith(true, true);
  });

  it('signs out keeping the copy, or removing it once the box is ticked', async () => {
    const { dialog, onConfirm } = show();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out' }));
    expect(onConfirm).toHaveBeenLastCalledWith(false, false);
    await userEvent.click(within(dialog).getByRole('checkbox'));
    await userEvent.click(within(dialog).getByRole('button', { name: 'Sign out and remove' }));
    expect(onConfirm).toHaveBeenLastCalledWith(true, false);
  });

  it('keeps keyboard focus inside while open, and Escape cancels', async () => {
    const { dialog, onCancel } = show();
    expect(dialog.contains(document.activeElement)).toBe(true);
    for (let i = 0; i < 6; i++) {
      await userEvent.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
    await userEvent.keyboard('{Escape}');
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('cannot be dismissed with Escape while signing out', async () => {
    const { onCancel } = show({ busy: true });
    await userEvent.keyboard('{Escape}');
    expect(onCancel).not.toHaveBeenCalled();
  });
});
