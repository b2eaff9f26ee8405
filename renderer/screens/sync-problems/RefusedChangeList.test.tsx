// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ok } from '../../../domain/result.ts';
import { buildRejectedChange } from '../../test-support/factories.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { errorMessage } from '../../words/error-messages.ts';
import { RefusedChangeList } from './RefusedChangeList.tsx';

const dismiss = () => Promise.resolve(ok(null));
const render = (changes: Parameters<typeof RefusedChangeList>[0]['changes']) =>
  renderWithProviders(<RefusedChangeList changes={changes} dismiss={dismiss} onDismissed={() => undefined} />);

afterEach(cleanup);

describe('the list of refused changes', () => {
  const refusals = [
    buildRejectedChange(),
    buildRejectedChange({
      mutationId: 9, name: 'report.create', args: { kind: 'contact', title: 'Door-step visit' },
      error: { code: 'validation_error', message: 'Invalid body at authorTeamId: not one of your teams.' },
    }),
  ];

  it('shows each refused change with what it was, the reason in words and the server\u2019s own message', () => {
    render(refusals);
    const [first, second] = screen.getAllByRole('listitem').map((item) => item.textContent);
    expect(first).toContain('Change a case: risk level to Very high');
    expect(first).toContain(errorMessage('authorization_error'));
    expect(first).toContain('You may not update this case.');
    expect(second).toContain('Add a contact record: “Door-step visit”');
    expect(second).toContain('Invalid body at authorTeamId: not one of your teams.');
  });

  it('gives every item a heading and a Dismiss button named by that heading', () => {
    render(refusals);
    const list = screen.getAllByRole('listitem');
    expect(list).toHaveLength(2);
    for (const item of list) {
      const heading = within(item).getByRole('heading', { level: 3 });
      const button = within(item).getByRole('button', { name: 'Dismiss' });
      expect(button.getAttribute('aria-describedby')).toBe(heading.id);
      expect(item.getAttribute('aria-labelledby')).toBe(heading.id);
    }
  });

  it('says the change was taken back here and that the rest went ahead', () => {
    render(refusals);
    expect(screen.getAllByRole('listitem')[0]?.textContent).toContain('taken back here; your other changes went ahead');
  });

  it('renders nothing when nothing was refused', () => {
    const { container } = render([]);
    expect(container.innerHTML).toBe('');
  });
});
