// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskDetailView } from '../../../domain/ipc/task-channels.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { TaskDetail } from './TaskDetail.tsx';

const TASK_ID = '00000000-0000-4000-8000-000000000010';

function detail(overrides: Partial<TaskDetailView['task']> = {}): TaskDetailView {
  return {
    task: {
      id: TASK_ID, title: 'Visit the flat', caseId: '00000000-0000-4000-8000-000000000001', caseReference: 'NSP-2026-00001', status: 'open', dueDate: '2026-11-20',
      overdue: false, escalated: false, assignee: { agencyName: 'Riverton City Council', kind: 'team', mine: true }, description: 'Check the door entry.',
      createdAt: '2026-11-01T09:00:00.000Z', updatedAt: '2026-11-01T09:00:00.000Z', createdByMe: false, version: 4, canUpdate: true, ...overrides,
    },
    caseTitle: 'Noise at Marram Court',
    updates: [{ id: '00000000-0000-4000-8000-000000000011', body: 'Booked for Tuesday.', createdAt: '2026-11-02T10:00:00.000Z', byMe: true }],
    localChanges: { pending: 0, rejected: 0, conflicts: 0 },
  };
}

function show(view: TaskDetailView) {
  const recording = recordingDesktopApi({
    'tasks.detail': () => ({ ok: true, value: view }),
    'changes.submit': () => ({ ok: true, value: { mutationId: 9 } }),
  });
  renderWithProviders(<TaskDetail taskId={TASK_ID} onBack={() => undefined} onOpenCase={() => undefined} onShowSyncProblems={() => undefined} />, { api: recording.api });
  return recording;
}
const submitted = (calls: { channel: string; input: unknown }[]) => calls.filter((c) => c.channel === 'changes.submit').map((c) => c.input);

afterEach(cleanup);

describe('the task screen', () => {
  it('shows the task and its thread, and changes the status with the version the user saw', async () => {
    const { calls } = show(detail());
    expect(await screen.findByRole('heading', { level: 1, name: 'Visit the flat' })).toBeTruthy();
    expect(screen.getByText('Booked for Tuesday.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'NSP-2026-00001 — Noise at Marram Court' })).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText('Status'), 'done');
    await userEvent.click(screen.getByRole('button', { name: 'Save status' }));
    expect(await screen.findByText('Status saved on this computer. It is sent to the server at the next sync.')).toBeTruthy();
    expect(submitted(calls)).toEqual([{ name: 'task.update', args: { taskId: TASK_ID, status: 'done' }, baseVersion: 4 }]);
  });

  it('adds an update to the thread, refusing an empty one beside the field', async () => {
    const { calls } = show(detail());
    await screen.findByRole('heading', { level: 1, name: 'Visit the flat' });
    await userEvent.click(screen.getByRole('button', { name: 'Add update' }));
    expect(await screen.findByText('This cannot be empty.')).toBeTruthy();
    expect(submitted(calls)).toEqual([]);
    await userEvent.type(screen.getByLabelText('New update'), 'Door entry repaired.');
    await userEvent.click(screen.getByRole('button', { name: 'Add update' }));
    await screen.findByText('Update saved on this computer. It is sent to the server at the next sync.');
    expect(submitted(calls)).toMatchObject([{ name: 'task.addUpdate', args: { taskId: TASK_ID, body: 'Door entry repaired.' } }]);
  });

  it('offers no changes to someone who may only read it, and shows the escalation', async () => {
    show(detail({ canUpdate: false, overdue: true, escalated: true }));
    expect(await screen.findByText(/You can read this task but not work on it/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save status' })).toBeNull();
    expect(screen.getByText('· Escalated')).toBeTruthy();
  });
});
