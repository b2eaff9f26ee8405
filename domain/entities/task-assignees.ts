/** Who a task on a case may be given to: the agencies that see the case, with their teams and active users. */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';

export const TaskAssigneeAgencySchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** True for the case's owner agency. */
  owner: z.boolean(),
  teams: z.array(z.object({ id: IdSchema, name: z.string() })),
  /** Enabled accounts whose role works cases, with the teams they belong to. */
  users: z.array(z.object({ id: IdSchema, displayName: z.string(), teamIds: z.array(IdSchema) })),
});
/** One agency a task may be assigned to. */
export type TaskAssigneeAgency = z.infer<typeof TaskAssigneeAgencySchema>;

export const TaskAssigneesSchema = z.object({ agencies: z.array(TaskAssigneeAgencySchema) });
/** The choosable assignees of a case's tasks, owner agency first. */
export type TaskAssignees = z.infer<typeof TaskAssigneesSchema>;
