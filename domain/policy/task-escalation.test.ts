import { describe, expect, it } from 'vitest';
import type { PolicyUser } from './policy-user.ts';
import { daysOverdue, escalatesTo, isTaskEscalated, isTaskOverdue, TASK_ESCALATION_DAYS } from './task-escalation.ts';

const today = '2026-11-10';
const manager: PolicyUser = { id: 'm1', agencyId: 'police', teamIds: ['north'], role: 'team_manager' };
const officer: PolicyUser = { id: 'u1', agencyId: 'police', teamIds: ['north'], role: 'practitioner' };
const task = { assigneeAgencyId: 'police', assigneeTeamId: 'north', assigneeUserId: 'u1' };
const ownCase = { ownerAgencyId: 'council', ownerTeamId: 'asb', ownerUserId: 'owner' };

describe('overdue escalation', () => {
  it('counts whole days past the due date, across a month end', () => {
    expect(daysOverdue('2026-11-08', today)).toBe(2);
    expect(daysOverdue('2026-10-31', '2026-11-01')).toBe(1);
    expect(daysOverdue(today, today)).toBe(0);
  });

  it('defaults to 2 days', () => {
    expect(TASK_ESCALATION_DAYS).toBe(2);
  });

  it('does not escalate a task overdue by exactly N days, and escalates at N + 1', () => {
    expect(isTaskEscalated({ dueDate: '2026-11-08', status: 'open' }, today)).toBe(false);
    expect(isTaskEscalated({ dueDate: '2026-11-07', status: 'open' }, today)).toBe(true);
    expect(isTaskEscalated({ dueDate: '2026-11-07', status: 'open' }, today, 3)).toBe(false);
    expect(isTaskEscalated({ dueDate: '2026-11-06', status: 'in_progress' }, today, 3)).toBe(true);
  });

  it('never escalates a finished, cancelled or undated task', () => {
    expect(isTaskEscalated({ dueDate: '2026-10-01', status: 'done' }, today)).toBe(false);
    expect(isTaskEscalated({ dueDate: '2026-10-01', status: 'cancelled' }, today)).toBe(false);
    expect(isTaskEscalated({ dueDate: null, status: 'open' }, today)).toBe(false);
  });

  it('calls a task overdue from the day after it was due', () => {
    expect(isTaskOverdue({ dueDate: today, status: 'open' }, today)).toBe(false);
    expect(isTaskOverdue({ dueDate: '2026-11-09', status: 'open' }, today)).toBe(true);
    expect(isTaskOverdue({ dueDate: '2026-11-09', status: 'done' }, today)).toBe(false);
  });

  it('shows it to the assignee team manager, not to a practitioner or another team manager', () => {
    expect(escalatesTo(manager, task, ownCase)).toBe(true);
    expect(escalatesTo(officer, task, ownCase)).toBe(false);
    expect(escalatesTo({ ...manager, teamIds: ['south'] }, task, ownCase)).toBe(false);
    expect(escalatesTo({ ...manager, agencyId: 'council' }, task, ownCase)).toBe(false);
    expect(escalatesTo({ ...manager, teamIds: ['south'] }, { ...task, assigneeTeamId: null }, ownCase)).toBe(true);
    expect(escalatesTo(manager, task, null)).toBe(true);
  });

  it('shows it to the case owner, or when the case has no owner user to the owner team manager', () => {
    expect(escalatesTo({ id: 'owner', agencyId: 'council', teamIds: [], role: 'practitioner' }, task, ownCase)).toBe(true);
    const ownerless = { ...ownCase, ownerUserId: null };
    expect(escalatesTo({ id: 'm2', agencyId: 'council', teamIds: ['asb'], role: 'team_manager' }, task, ownerless)).toBe(true);
    expect(escalatesTo({ id: 'u2', agencyId: 'council', teamIds: ['asb'], role: 'practitioner' }, task, ownerless)).toBe(false);
  });
});
