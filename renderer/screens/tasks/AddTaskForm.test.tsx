// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskAssigneesView } from '../../../domain/ipc/task-channels.ts';
import { recordingDesktopApi } from '../../test-support/recording-desktop-api.ts';
import { renderWithProviders } from '../../test-support/render.tsx';
import { AddTaskForm } from './AddTaskForm.tsx';

const CASE_ID = '00000000-0000-4000-8000-000000000001';
const POLICE = '00000000-0000-4000-8000-000000000002';
const COUNCIL = '00000000-0000-4000-8000-000000000003';
const CST = '00000000-0000-4000-8000-000000000004';
const RAJ = '00000000-0000-4000-8000-000000000005';

const online: TaskAssigneesView = {
  complete: true,
  agencies: [
    { id: POLICE, name: 'Northshire Police', owner: true, teams: [], users: [] },
    { id: COUNCIL, name: 'Riverton City Council', owner: false, teams: [{ id: CST, name: 'Community Safety Team' }], users: [{ id: RAJ, displayName: 'Raj Patel', teamIds: [CST] }] },
  ],
};

function open(assignees: TaskAssigneesView = online) {
  const recording = recordingDesktopApi({
    'tasks.assignees': () => ({ ok: true, value: assignees }),
    'changes.submit': () => ({ ok: true, value: { mutationId: 3 } }),
  });
  renderWithProviders(<AddTaskForm caseId={CASE_ID} />, { api: recording.api });
  return recording;
}
const submitted = (calls: { channel: string; input: unknown }[]) => calls.filter((c) => c.channel === 'changes.submit');

afterEach(cleanup);

describe('adding a task', () => {
  it('asks who does it and what, beside each field, and sends nothing until both are given', async () => {
    const { calls } = open();
    await userEvent.click(screen.getByRole('button', { name: 'Add a task' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Save task' }));
    const title = screen.getByLabelText('What needs doing');
    expect(document.getElementById(title.getAttribute('aria-describedby')!)?.textContent).toBe('This cannot be empty.');
    const assignee = screen.getByLabelText('Assign to');
    expect(document.getElementById(assignee.getAttribute('aria-describedby')!)?.textContent).toBe('Choose one of the options.');
    expect(submitted(calls)).toEqual([]);
  });

  it('offers the agencies with their teams and people, and saves a task for a partner team as the task.create change', async () => {
    const { calls } = open();
    await userEvent.click(screen.getByRole('button', { name: 'Add a task' }));
    const select = await screen.findByLabelText('Assign to');
    expect([...select.querySelectorAll('optgroup')].map((g) => g.label)).toEqual(['Northshire Police (owner agency)', 'Riverton City Council']);
    await userEvent.type(screen.getByLabelText('What needs doing'), 'Visit the flat');
    await userEvent.selectOptions(select, screen.getByRole('option', { name: 'Community Safety Team (team)' }));
    await userEvent.type(screen.getByLabelText('Description (optional)'), 'Check the door entry.');
    await userEvent.click(screen.getByRole('button', { name: 'Save task' }));
    expect((await screen.findByRole('status')).textContent).toBe('Task saved on this computer. It is sent to the server at the next sync.');
    expect(submitted(calls)).toHaveLength(1);
    expect(submitted(calls)[0]!.input).toMatchObject({
      name: 'task.create',
      args: { caseId: CASE_ID, title: 'Visit the flat', description: 'Check the door entry.', assigneeAgencyId: COUNCIL, assigneeTeamId: CST, assigneeUserId: null, dueDate: null },
    });
  });

  it('offline, says that teams and people wait for a connection and still lets a task go to an agency', async () => {
    const { calls } = open({ complete: false, agencies: online.agencies.map((a) => ({ ...a, teams: [], users: [] })) });
    await userEvent.click(screen.getByRole('button', { name: 'Add a task' }));
    expect(await screen.findByText(/This computer is offline/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('What needs doing'), 'Call back');
    await userEvent.selectOptions(screen.getByLabelText('Assign to'), screen.getByRole('option', { name: 'Riverton City Council — anyone in the agency' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save task' }));
    await screen.findByRole('status');
    expect(submitted(calls)[0]!.input).toMatchObject({ args: { assigneeAgencyId: COUNCIL, assigneeTeamId: null, assigneeUserId: null } });
  });
});
