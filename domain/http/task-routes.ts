/** Tasks (actions) on a case and their updates thread. */
import { z } from 'zod';
import {
  CreateTaskBodySchema, PatchTaskBodySchema, TaskDetailSchema, TaskListQuerySchema, TaskRecordSchema, TaskUpdateBodySchema,
} from '../entities/task.ts';
import { TaskAssigneesSchema } from '../entities/task-assignees.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

export const taskRoutes = {
  createTask: defineRoute({
    method: 'POST', path: '/cases/:id/tasks', auth: true, tag: 'tasks', summary: 'Assigns a task on a case',
    params: IdParams, query: NoQuery, body: CreateTaskBodySchema, response: TaskDetailSchema,
  }),
  listTaskAssignees: defineRoute({
    method: 'GET', path: '/cases/:id/assignees', auth: true, tag: 'tasks',
    summary: 'Who a task on the case may be given to: the agencies that see it, their teams and active users (audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: TaskAssigneesSchema,
  }),
  listTasks: defineRoute({
    method: 'GET', path: '/tasks', auth: true, tag: 'tasks', summary: 'Tasks the caller may see (mine=true: assigned to them)',
    query: TaskListQuerySchema, body: NoBody, response: z.object({ tasks: z.array(TaskRecordSchema) }),
  }),
  getTask: defineRoute({
    method: 'GET', path: '/tasks/:id', auth: true, tag: 'tasks', summary: 'One task with its updates (audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: TaskDetailSchema,
  }),
  updateTask: defineRoute({
    method: 'PATCH', path: '/tasks/:id', auth: true, tag: 'tasks', summary: 'Changes a task (assignee or case owner agency)',
    params: IdParams, query: NoQuery, body: PatchTaskBodySchema, response: TaskDetailSchema,
  }),
  addTaskUpdate: defineRoute({
    method: 'POST', path: '/tasks/:id/updates', auth: true, tag: 'tasks', summary: 'Adds an update to a task\'s thread',
    params: IdParams, query: NoQuery, body: TaskUpdateBodySchema, response: TaskDetailSchema,
  }),
} as const;
