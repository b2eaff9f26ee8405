// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TaskList, TaskListRow } from '../../../domain/ipc/task-channels.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { Tasks } from './Tasks.tsx';

const row = (overrides: Partial<TaskListRow>): TaskListRow => ({
  id: '00000000-0000-4000-8000-000000000010', title: 'Visit the flat', caseId: '00000000-0000-4000-8000-000000000001', caseReference: 'NSP-2026-00001',
  status: 'open', dueDate: '2026-11-01', overdue: true, escalated: true, assignee: { agencyName: 'Northshire Police', kind: 'team', mine: true }, ...overrides,
});

function show(view: TaskList['view'], rows: TaskListRow[]) {
  const recording = recordingDesktopApi({ 'tasks.list': () => ({ ok: true, value: { view, rows, escalationDays: 2 } }) });
  const onViewChange = vi.fn();
  const onOpenTask = vi.fn();
  renderWithProviders(<Tasks view={view} onViewChange={onViewChange} onOpenTask={onOpenTask} onBack={() => undefined} />, { api: recording.api });
  return { ...recording, onViewChange, onOpenTask };
}

afterEach(cleanup);

describe('the Tasks screen', () => {
  it('lists the view’s tasks with due date, status, case reference and the escalated flag, and opens a task', async () => {
    const { calls, onOpenTask } = show('escalated', [row({})]);
    expect(await screen.findByText('Tasks overdue by more than 2 days, on cases you own or assigned to a team you manage.')).toBeTruthy();
    const cells = within(screen.getAllByTestId('task-row')[0]!).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(['Visit the flat', 'NSP-2026-00001', '1 Nov 2026 · Escalated', 'Open', 'Your team (Northshire Police)']);
    expect(calls.find((c) => c.channel === 'tasks.list')?.input).toEqual({ view: 'escalated' });
    await userEvent.click(screen.getByRole('button', { name: 'Visit the flat' }));
    expect(onOpenTask).toHaveBeenCalledWith('00000000-0000-4000-8000-000000000010');
  });

  it('says when a view is empty, and moves between views with the arrow keys', async () => {
    const { onViewChange } = show('mine', []);
    expect(await screen.findByText('No tasks are assigned to you, your team or your agency.')).toBeTruthy();
    screen.getByRole('tab', { name: 'My tasks' }).focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(onViewChange).toHaveBeenCalledWith('team');
  });
});
