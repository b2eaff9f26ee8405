import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SignOutPanel } from './SignOutPanel.tsx';

const render = (unsent: string | null) =>
  renderToStaticMarkup(<SignOutPanel busy={false} unsent={unsent} onConfirm={() => undefined} onCancel={() => undefined} />);

describe('the sign-out panel', () => {
  it('offers keeping or removing the offline copy, and nothing about unsent work when there is none', () => {
    const html = render(null);
    expect(html).toContain('Also remove the offline copy from this computer');
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('Remove anyway');
  });

  it('when removing would lose unsent work, says so in the core\u2019s words and offers an explicit way to lose it', () => {
    const html = render('1 change on this computer has not reached the server yet. Connect and sync first, or choose to remove it with the offline copy.');
    expect(html).toMatch(/role="alert"[^>]*>1 change on this computer has not reached the server yet/);
    expect(html).toContain('Remove anyway and lose it');
  });
});
