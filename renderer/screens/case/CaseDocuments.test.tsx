// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildCaseDocuments } from '../../test-support/factories.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { formatDateTime } from '../../words/format-date-time.ts';
import { CaseDocuments, type CaseDocumentsProps } from './CaseDocuments.tsx';

const render = (props: CaseDocumentsProps) => renderWithProviders(<CaseDocuments {...props} />);

afterEach(cleanup);

describe('the documents of a case', () => {
  const documents = buildCaseDocuments();

  it('lists each document with its name, size and date, and an Open action named after the file', () => {
    render({ documents, exportsAllowed: true });
    const [first, second] = screen.getAllByRole('listitem');
    expect(first).toHaveProperty('textContent', expect.stringContaining('Door photo.png'));
    expect(first?.textContent).toContain('2.4 KB');
    const time = first?.querySelector('time');
    expect(time?.getAttribute('datetime')).toBe('2026-11-24T09:30:00.000Z');
    expect(time?.textContent).toBe(formatDateTime('2026-11-24T09:30:00.000Z'));
    expect(within(first!).getByRole('button', { name: 'Open Door photo.png' }).textContent).toBe('Open');
    expect(second?.textContent).toContain('150 KB');
    expect(within(second!).getByRole('button', { name: 'Open Tenancy agreement.pdf' }).textContent).toBe('Open');
  });

  it('marks a document attached on this computer and not yet on the server as waiting to sync, and only that one', () => {
    const [queued, synced] = documents;
    render({ documents: [{ ...queued!, waitingToSync: true }, synced!], exportsAllowed: true });
    const [first, second] = screen.getAllByRole('listitem');
    expect(first?.textContent).toContain('2.4 KB · ' + formatDateTime('2026-11-24T09:30:00.000Z') + ' · waiting to sync');
    expect(second?.textContent).not.toContain('waiting to sync');
    expect(within(first!).getByRole('button', { name: 'Open Door photo.png' })).toBeTruthy();
  });

  it('offers no Open action when the policy forbids saving documents, and says why', () => {
    render({ documents, exportsAllowed: false });
    expect(screen.getAllByRole('listitem')).toHaveLength(2);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(document.body.textContent).toContain('Your organisation does not allow saving documents from Casebridge on this computer');
  });

  it('offers no Open action while the policy is not known yet, and says so', () => {
    render({ documents, exportsAllowed: null });
    expect(screen.queryAllByRole('button')).toHaveLength(0);
    expect(document.body.textContent).toContain('once Casebridge has read the settings of this computer');
  });

  it('says when the offline copy holds no documents for the case', () => {
    render({ documents: [], exportsAllowed: true });
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
    expect(document.body.textContent).toContain('No documents are held for this case on this computer.');
  });
});
