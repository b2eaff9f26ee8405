import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { NotificationView } from '../../../domain/ipc/notification-channels.ts';
import { NotificationList } from './NotificationList.tsx';

const attached = (overrides: Partial<NotificationView> = {}): NotificationView => ({
  id: '0b6a3c1e-0000-4000-8000-000000000001', kind: 'person_attached', personId: '0b6a3c1e-0000-4000-8000-000000000002',
  caseId: '0b6a3c1e-0000-4000-8000-000000000003', fromAgency: { id: '0b6a3c1e-0000-4000-8000-000000000004', name: 'Riverton Homes' },
  createdAt: '2026-12-03T09:30:00.000Z', personName: 'Ottoline Quennell', ...overrides,
});

describe('the notification list', () => {
  it('names the attaching agency, the person from the offline copy and the time in en-GB words', () => {
    const html = renderToStaticMarkup(<NotificationList notifications={[attached()]} />);
    expect(html).toContain('<strong>Riverton Homes</strong> attached <strong>Ottoline Quennell</strong>, a person your agency owns,');
    expect(html).toContain('3 Dec 2026');
    expect(html).toContain('dateTime="2026-12-03T09:30:00.000Z"');
  });

  it('says "a person your agency owns" when this computer does not hold the person', () => {
    const html = renderToStaticMarkup(<NotificationList notifications={[attached({ personName: null })]} />);
    expect(html).toContain('attached a person your agency owns to one of their cases');
  });

  it('says when there are none', () => {
    expect(renderToStaticMarkup(<NotificationList notifications={[]} />)).toContain('No notifications for your agency.');
  });
});
