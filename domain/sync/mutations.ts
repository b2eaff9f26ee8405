/**
 * The offline mutations a desktop may push (docs/sync.md), each declared once with its argument
 * schema. Ids of new records are made on the client, so a replay cannot create a twin.
 */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { CaseStatusSchema, ReportKindSchema, ReportSharingLevelSchema, RiskLevelSchema, TaskStatusSchema } from '../vocabulary.ts';

const Title = z.string().trim().min(1).max(200);

export const CaseUpdateArgsSchema = z.object({
  caseId: IdSchema,
  title: Title.optional(),
  reviewDate: z.iso.date().nullable().optional(),
  /** Safety-critical: compare-and-set on the mutation's `baseVersion`. */
  riskLevel: RiskLevelSchema.optional(),
  /** Safety-critical: compare-and-set; closing needs a `closureReason`. */
  status: CaseStatusSchema.optional(),
  closureReason: z.string().trim().min(1).max(500).nullable().optional(),
}).strict();

export const ReportCreateArgsSchema = z.object({
  reportId: IdSchema,
  caseId: IdSchema,
  kind: ReportKindSchema,
  title: Title,
  body: z.string().min(1).max(100_000),
  /** `case` (default) follows the case; `shared` needs named shares, so it is not offered offline. */
  sharingLevel: ReportSharingLevelSchema.exclude(['shared']).default('case'),
}).strict();

export const TaskCreateArgsSchema = z.object({
  taskId: IdSchema,
  caseId: IdSchema,
  title: Title,
  description: z.string().max(5000).default(''),
  assigneeAgencyId: IdSchema,
  assigneeTeamId: IdSchema.nullable().default(null),
  assigneeUserId: IdSchema.nullable().default(null),
  dueDate: z.iso.date().nullable().default(null),
}).strict();

export const TaskUpdateArgsSchema = z.object({ taskId: IdSchema, status: TaskStatusSchema }).strict();

export const TaskAddUpdateArgsSchema = z.object({ taskUpdateId: IdSchema, taskId: IdSchema, body: z.string().trim().min(1).max(5000) }).strict();

/** Every mutation name and the schema of its arguments. */
export const MUTATION_ARGS = {
  'case.update': CaseUpdateArgsSchema,
  'report.create': ReportCreateArgsSchema,
  'task.create': TaskCreateArgsSchema,
  'task.update': TaskUpdateArgsSchema,
  'task.addUpdate': TaskAddUpdateArgsSchema,
} as const;

/** A mutation's name. */
export type MutationName = keyof typeof MUTATION_ARGS;
export const MutationNameSchema = z.enum(Object.keys(MUTATION_ARGS) as [MutationName, ...MutationName[]]);
/** The parsed arguments of a mutation. */
export type MutationArgs<N extends MutationName> = z.output<(typeof MUTATION_ARGS)[N]>;
/** The case fields that only change by compare-and-set. */
export const CASE_SAFETY_FIELDS = ['riskLevel', 'status', 'closureReason'] as const;
