/**
 * Tasks on the desktop: lists and one task from the offline copy, and who a new task may be given to
 * (asked of the server; offline, the agencies the copy knows see the case). Writes are the sync
 * mutations `task.create`, `task.update` and `task.addUpdate` through `changes.submit`.
 */
import { z } from 'zod';
import { TaskAssigneesSchema } from '../entities/task-assignees.ts';
import { IdSchema } from '../ids.ts';
import { TaskStatusSchema } from '../vocabulary.ts';
import { defineChannel } from './channel.ts';

/** The tasks screen's views: assigned to me (or my agency or team, as the server's rule says), my teams', escalated to me. */
export const TASK_LIST_VIEWS = ['mine', 'team', 'escalated'] as const;
export const TaskListViewNameSchema = z.enum(TASK_LIST_VIEWS);
/** A tasks screen view. */
export type TaskListViewName = z.infer<typeof TaskListViewNameSchema>;

const Count = z.number().int().nonnegative();

/** Who a task is assigned to, as the offline copy can say it: the agency's name, how narrow, and whether it is the viewer or their team. */
export const TaskAssigneeViewSchema = z.object({
  agencyName: z.string(),
  kind: z.enum(['agency', 'team', 'user']),
  /** The viewer is the assigned user, or in the assigned team, or in the assigned agency. */
  mine: z.boolean(),
});

export const TaskListRowSchema = z.object({
  id: IdSchema,
  title: z.string(),
  caseId: IdSchema,
  /** Null when the case is not in the offline copy (the task is assigned here but the case is not shared). */
  caseReference: z.string().nullable(),
  status: TaskStatusSchema,
  dueDate: z.string().nullable(),
  overdue: z.boolean(),
  /** Overdue by more than the escalation days (domain/policy/task-escalation.ts). */
  escalated: z.boolean(),
  assignee: TaskAssigneeViewSchema,
});
/** One row of a tasks list. */
export type TaskListRow = z.infer<typeof TaskListRowSchema>;

export const TaskListSchema = z.object({
  view: TaskListViewNameSchema,
  /** Tasks still to be done first, soonest due first; then finished and cancelled ones, newest change first. */
  rows: z.array(TaskListRowSchema),
  escalationDays: Count,
});
/** A tasks list. */
export type TaskList = z.infer<typeof TaskListSchema>;

export const TaskDetailViewSchema = z.object({
  task: TaskListRowSchema.extend({
    description: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    createdByMe: z.boolean(),
    /** The version the copy holds: a status change is sent with it as `baseVersion`. */
    version: z.number().int().positive(),
    /** The assignee or the case owner agency may change it and add updates (the server re-checks). */
    canUpdate: z.boolean(),
  }),
  caseTitle: z.string().nullable(),
  /** The thread, oldest first; an author other than the viewer is not named offline. */
  updates: z.array(z.object({ id: IdSchema, body: z.string(), createdAt: z.string(), byMe: z.boolean() })),
  /** The user's own changes to this task the server has not settled. */
  localChanges: z.object({ pending: Count, rejected: Count, conflicts: Count }),
});
/** One task as its screen shows it. */
export type TaskDetailView = z.infer<typeof TaskDetailViewSchema>;

export const TaskAssigneesViewSchema = TaskAssigneesSchema.extend({
  /** False when the server could not be reached: only the agencies the offline copy knows see the case, with no teams or people. */
  complete: z.boolean(),
});
/** Who a new task on a case may be given to. */
export type TaskAssigneesView = z.infer<typeof TaskAssigneesViewSchema>;

export const taskChannels = {
  /** A tasks view from the offline copy. */
  'tasks.list': defineChannel({ input: z.object({ view: TaskListViewNameSchema }).strict(), output: TaskListSchema, needsSession: true }),
  /** One task from the offline copy with its thread; `not_found` when the copy does not hold it. Recorded as a view of its case. */
  'tasks.detail': defineChannel({ input: z.object({ taskId: IdSchema }).strict(), output: TaskDetailViewSchema, needsSession: true }),
  /** Who a task on the case may be given to: from the server, or (offline) the agencies the copy knows. */
  'tasks.assignees': defineChannel({ input: z.object({ caseId: IdSchema }).strict(), output: TaskAssigneesViewSchema, needsSession: true }),
} as const;
