/** The tasks screen's URL state: `#/tasks?view=mine|team|escalated` (an unknown view reads as "mine"). */
import { z } from 'zod';
import { TaskListViewNameSchema } from '../../../domain/ipc/task-channels.ts';

export const TasksSearchSchema = z.object({ view: TaskListViewNameSchema.catch('mine').default('mine') });
/** The tasks screen's URL state. */
export type TasksSearch = z.infer<typeof TasksSearchSchema>;
