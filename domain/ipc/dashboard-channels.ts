/**
 * The Dashboard: workload and attention figures counted from the offline copy, so they work offline.
 * One channel answers every section at once (one round trip, one consistent moment).
 */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { CaseTypeSchema, RiskLevelSchema } from '../vocabulary.ts';
import { defineChannel } from './channel.ts';

const CountSchema = z.number().int().nonnegative();

/** How many cases at one risk level (every level is listed, in order, zeros included). */
export const RiskCountSchema = z.object({ riskLevel: RiskLevelSchema, count: CountSchema });
export type RiskCount = z.infer<typeof RiskCountSchema>;

/** One team member's workload: their open cases (in the manager's teams) and their open tasks (assigned through those teams). */
export const WorkerLoadSchema = z.object({ userId: IdSchema, openCases: CountSchema, openTasks: CountSchema });
export type WorkerLoad = z.infer<typeof WorkerLoadSchema>;

export const DashboardSchema = z.object({
  /** The local date the figures were counted on (what "overdue" and "past review" are measured against). */
  today: z.iso.date(),
  /** The signed-in user's own work. */
  myWorkload: z.object({
    /** Open cases I own, by risk level. */
    openCasesByRisk: z.array(RiskCountSchema),
    /** Open or in-progress tasks assigned to me, or to one of my teams with no one named. */
    openTasks: CountSchema,
    /** Those of them past their due date. */
    overdueTasks: CountSchema,
  }),
  /** Open cases my teams own, by case type and risk level (only the pairs that have any, by type then risk). */
  teamCases: z.array(z.object({ caseType: CaseTypeSchema, riskLevel: RiskLevelSchema, count: CountSchema })),
  /** Per team member (team managers only; null for everyone else), busiest first. */
  workers: z.array(WorkerLoadSchema).nullable(),
  /** Open tasks past their due date, by the agency they are assigned to (most first). */
  overdueTasksByAgency: z.array(z.object({ agencyId: IdSchema, agencyName: z.string(), count: CountSchema })),
  /** Open cases my agency owns that no one is allocated to, by risk level. */
  awaitingAllocation: z.array(RiskCountSchema),
  /** Open cases my agency owns whose review date has passed, by risk level. */
  pastReview: z.array(RiskCountSchema),
});
/** Every section of the Dashboard. */
export type Dashboard = z.infer<typeof DashboardSchema>;

export const dashboardChannels = {
  /** Counted in the cache only: no server call, so it answers offline too. */
  'dashboard.summary': defineChannel({ input: z.null(), output: DashboardSchema, needsSession: true }),
} as const;
