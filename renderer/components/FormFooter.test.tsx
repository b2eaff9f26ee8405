// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FormFooter } from './FormFooter.tsx';

afterEach(cleanup);

describe('FormFooter', () => {
  it('says a refusal as an alert and offers Cancel only when the form can be closed', async () => {
    const onCancel = vi.fn();
    const { rerender } = render(<FormFooter refusal="The server refused this." busy={false} submitLabel="Save warning" onCancel={onCancel} />);
    expect(screen.getByRole('alert').textContent).toBe('The server refused this.');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();
    rerender(<FormFooter refusal={null} busy={false} submitLabel="Save warning" />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Save warning' }).getAttribute('type')).toBe('submit');
  });

  it('disables both buttons while saving', () => {
    render(<FormFooter refusal={null} busy submitLabel="Send request" onCancel={() => undefined} />);
    expect(screen.getByRole('button', { name: 'Send request' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: 'Cancel' }).hasAttribute('disabled')).toBe(true);
  });
});
