// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { UserNotification } from '../../../domain/entities/user-notification.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { NotificationsNavButton } from '../../app/NotificationsNavButton.tsx';
import { MyNotificationList } from './MyNotificationList.tsx';

const TASK = '0b6a3c1e-0000-4000-8000-000000000010';
const CASE = '0b6a3c1e-0000-4000-8000-000000000011';
const note = (overrides: Partial<UserNotification> = {}): UserNotification => ({
  id: '0b6a3c1e-0000-4000-8000-000000000001', kind: 'task_assigned', caseId: CASE, taskId: TASK, markerId: null, accessRequestId: null,
  createdAt: '2026-12-03T09:30:00.000Z', read: false, ...overrides,
});

afterEach(cleanup);

describe('my notifications', () => {
  it('says what happened, marks unread ones, links to the task and marks one read', async () => {
    const opened: string[] = [];
    const read: string[] = [];
    render(<MyNotificationList
      notifications={[note(), note({ id: '0b6a3c1e-0000-4000-8000-000000000002', kind: 'case_shared', taskId: null, read: true })]}
      busy={false} onMarkRead={(id) => read.push(id)} onOpenTask={(id) => opened.push(`task:${id}`)} onOpenCase={(id) => opened.push(`case:${id}`)}
      onOpenAccessRequests={() => opened.push('requests')}
    />);
    const items = screen.getAllByTestId('my-notification');
    expect(items[0]!.textContent).toContain('Unread New task for you or your team');
    expect(items[1]!.textContent).toContain('Read A case was shared with your agency');
    expect(screen.getAllByRole('button', { name: /Mark as read/ })).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Open the task' }));
    await userEvent.click(screen.getByRole('button', { name: 'Open the case' }));
    await userEvent.click(screen.getByRole('button', { name: /Mark as read: New task/ }));
    expect(opened).toEqual([`task:${TASK}`, `case:${CASE}`]);
    expect(read).toEqual(['0b6a3c1e-0000-4000-8000-000000000001']);
  });

  it('links an access request notification to the access requests screen, and says when there are none', async () => {
    const opened: string[] = [];
    const { unmount } = render(<MyNotificationList notifications={[note({ kind: 'access_decided', taskId: null, caseId: null, accessRequestId: TASK })]}
      busy={false} onMarkRead={() => undefined} onOpenTask={() => undefined} onOpenCase={() => undefined} onOpenAccessRequests={() => opened.push('requests')} />);
    await userEvent.click(screen.getByRole('button', { name: 'Open access requests' }));
    expect(opened).toEqual(['requests']);
    unmount();
    render(<MyNotificationList notifications={[]} busy={false} onMarkRead={() => undefined} onOpenTask={() => undefined} onOpenCase={() => undefined} onOpenAccessRequests={() => undefined} />);
    expect(screen.getByText('No notifications for you.')).toBeTruthy();
  });

  it('the top bar button keeps "Notifications" in its name and adds the unread count, refreshed when the core announces new ones', async () => {
    let unread = 3;
    const recording = recordingDesktopApi({ 'notifications.mine': () => ({ ok: true, value: { notifications: [], unread } }) });
    renderWithProviders(<NotificationsNavButton label="Notifications" onClick={() => undefined} />, { api: recording.api });
    expect(screen.getByRole('button', { name: 'Notifications' })).toBeTruthy();
    await screen.findByRole('button', { name: /^Notifications\s*,\s*3\s*unread$/ });
    unread = 4;
    recording.emit('notifications.arrived', { message: 'You have a new task' });
    await waitFor(() => expect(screen.getByRole('button', { name: /^Notifications\s*,\s*4\s*unread$/ })).toBeTruthy());
  });
});
