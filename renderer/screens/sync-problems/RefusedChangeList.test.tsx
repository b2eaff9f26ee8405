import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ok } from '../../../domain/result.ts';
import { buildRejectedChange } from '../../test-support/factories.ts';
import { errorMessage } from '../../words/error-messages.ts';
import { RefusedChangeList } from './RefusedChangeList.tsx';

const dismiss = () => Promise.resolve(ok(null));
const render = (changes: Parameters<typeof RefusedChangeList>[0]['changes']) =>
  renderToStaticMarkup(<RefusedChangeList changes={changes} dismiss={dismiss} onDismissed={() => undefined} />);

/** The list items of the markup, each as its own string. */
const items = (html: string) => html.match(/<li\b[\s\S]*?<\/li>/g) ?? [];

describe('the list of refused changes', () => {
  const refusals = [
    buildRejectedChange(),
    buildRejectedChange({
      mutationId: 9, name: 'report.create', args: { kind: 'contact', title: 'Door-step visit' },
      error: { code: 'validation_error', message: 'Invalid body at authorTeamId: not one of your teams.' },
    }),
  ];

  it('shows each refused change with what it was, the reason in words and the server\u2019s own message', () => {
    const [first, second] = items(render(refusals));
    expect(first).toContain('Change a case: risk level to Very high');
    expect(first).toContain(errorMessage('authorization_error'));
    expect(first).toContain('You may not update this case.');
    expect(second).toContain('Add a contact record: “Door-step visit”');
    expect(second).toContain('Invalid body at authorTeamId: not one of your teams.');
  });

  it('gives every item a heading and a Dismiss button named by that heading', () => {
    const list = items(render(refusals));
    expect(list).toHaveLength(2);
    for (const item of list) {
      const heading = /<h3 id="([^"]+)"[^>]*>([^<]+)<\/h3>/.exec(item);
      expect(heading).not.toBeNull();
      const button = /<button type="button"[^>]*aria-describedby="([^"]+)"[^>]*>Dismiss<\/button>/.exec(item);
      expect(button?.[1]).toBe(heading?.[1]);
      expect(item).toMatch(new RegExp(`<li[^>]*aria-labelledby="${heading![1]}"`));
    }
  });

  it('says the change was taken back here and that the rest went ahead', () => {
    expect(items(render(refusals))[0]).toContain('taken back here; your other changes went ahead');
  });

  it('renders nothing when nothing was refused', () => {
    expect(render([])).toBe('');
  });
});
