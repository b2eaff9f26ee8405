/** Wire shapes of tasks (actions) and their updates thread. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { TaskStatusSchema } from '../vocabulary.ts';

export const TaskRecordSchema = z.object({
  id: IdSchema,
  caseId: IdSchema,
  title: z.string(),
  description: z.string(),
  assigneeAgencyId: IdSchema,
  assigneeTeamId: IdSchema.nullable(),
  assigneeUserId: IdSchema.nullable(),
  dueDate: z.iso.date().nullable(),
  status: TaskStatusSchema,
  /** Derived: due before today and still open or in progress. */
  overdue: z.boolean(),
  createdBy: IdSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().positive(),
  abilities: z.object({ update: z.boolean() }),
});
/** A task with the caller's abilities. */
export type TaskRecord = z.infer<typeof TaskRecordSchema>;

export const TaskUpdateRecordSchema = z.object({ id: IdSchema, authorUserId: IdSchema, body: z.string(), createdAt: TimestampSchema });

export const TaskDetailSchema = TaskRecordSchema.extend({ updates: z.array(TaskUpdateRecordSchema) });
/** A task with its updates thread. */
export type TaskDetail = z.infer<typeof TaskDetailSchema>;

const TaskTitle = z.string().trim().min(1).max(200);
const TaskDescription = z.string().max(5000);

export const CreateTaskBodySchema = z.object({
  title: TaskTitle,
  description: TaskDescription.default(''),
  assigneeAgencyId: IdSchema,
  assigneeTeamId: IdSchema.nullable().default(null),
  assigneeUserId: IdSchema.nullable().default(null),
  dueDate: z.iso.date().nullable().default(null),
}).strict();
/** What a new task needs. */
export type CreateTaskBody = z.infer<typeof CreateTaskBodySchema>;

export const PatchTaskBodySchema = z.object({
  title: TaskTitle.optional(),
  description: TaskDescription.optional(),
  dueDate: z.iso.date().nullable().optional(),
  status: TaskStatusSchema.optional(),
}).strict();
/** A change to a task (last writer wins per field). */
export type PatchTaskBody = z.infer<typeof PatchTaskBodySchema>;

export const TaskListQuerySchema = z.object({
  mine: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  caseId: IdSchema.optional(),
  status: TaskStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
}).strict();

export const TaskUpdateBodySchema = z.object({ body: z.string().trim().min(1).max(5000) }).strict();
