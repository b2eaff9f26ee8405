import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { buildCaseDocuments } from '../../test-support/factories.ts';
import { silentDesktopApi } from '../../test-support/silent-desktop-api.ts';
import { CaseDocuments, type CaseDocumentsProps } from './CaseDocuments.tsx';
import { DesktopApiContext } from '../../api/desktop-api-context.ts';
import { formatDateTime } from '../../words/format-date-time.ts';

const render = (props: CaseDocumentsProps) =>
  renderToStaticMarkup(
    <DesktopApiContext value={silentDesktopApi()}>
      <CaseDocuments {...props} />
    </DesktopApiContext>,
  );

/** The list items of the markup, each as its own string. */
const items = (html: string) => html.match(/<li\b[\s\S]*?<\/li>/g) ?? [];
const OPEN_BUTTON = /<button type="button" class="button case-document__open" aria-label="Open ([^"]+)">Open<\/button>/;

describe('the documents of a case', () => {
  const documents = buildCaseDocuments();

  it('lists each document with its name, size and date, and an Open action named after the file', () => {
    const [first, second] = items(render({ documents, exportsAllowed: true }));
    expect(first).toContain('Door photo.png');
    expect(first).toContain('2.4 KB');
    expect(first).toContain(`<time dateTime="2026-11-24T09:30:00.000Z">${formatDateTime('2026-11-24T09:30:00.000Z')}</time>`);
    expect(OPEN_BUTTON.exec(first ?? '')?.[1]).toBe('Door photo.png');
    expect(second).toContain('150 KB');
    expect(OPEN_BUTTON.exec(second ?? '')?.[1]).toBe('Tenancy agreement.pdf');
  });

  it('offers no Open action when the policy forbids saving documents, and says why', () => {
    const html = render({ documents, exportsAllowed: false });
    expect(items(html)).toHaveLength(2);
    expect(html).not.toContain('<button');
    expect(html).toContain('Your organisation does not allow saving documents from Casebridge on this computer');
  });

  it('offers no Open action while the policy is not known yet, and says so', () => {
    const html = render({ documents, exportsAllowed: null });
    expect(html).not.toContain('<button');
    expect(html).toContain('once Casebridge has read the settings of this computer');
  });

  it('says when the offline copy holds no documents for the case', () => {
    const html = render({ documents: [], exportsAllowed: true });
    expect(items(html)).toHaveLength(0);
    expect(html).toContain('No documents are held for this case on this computer.');
  });
});
