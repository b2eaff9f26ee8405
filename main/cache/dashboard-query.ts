/**
 * The Dashboard's figures, counted in SQL over the cache (GROUP BY, never every row into JS). "Open"
 * means a case whose status is open, or a task that is open or in progress; "overdue" and "past
 * review" compare with the local date, as the queue's overdue filter does.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import { DashboardSchema, type Dashboard, type RiskCount } from '../../domain/ipc/dashboard-channels.ts';
import { CaseTypeSchema, RISK_LEVELS, RiskLevelSchema } from '../../domain/vocabulary.ts';
import { localDate, type QueueViewer } from './queue-query.ts';

/** Whom the Dashboard is for; `manager` adds the per-worker section. */
export interface DashboardViewer extends QueueViewer {
  manager: boolean;
}

const OPEN_TASK = sql`tasks.status in ('open', 'in_progress')`;
const RISK_ORDER = sql`(case risk_level when 'low' then 0 when 'medium' then 1 when 'high' then 2 when 'very_high' then 3 end)`;

/** Counts every section for `viewer` as of `now`. */
export async function queryDashboard(db: Kysely<CacheDatabase>, viewer: DashboardViewer, now: Date): Promise<Dashboard> {
  const today = localDate(now);
  const teams = viewer.teamIds.length > 0 ? sql.join([...viewer.teamIds]) : sql`select null where 0`;
  const byRisk = (where: RawBuilder<unknown>) =>
    sql<{ risk_level: string; n: number }>`select risk_level, count(*) as n from cases where cases.status = 'open' and ${where} group by risk_level`.execute(db);
  const mine = sql`(tasks.assignee_user_id = ${viewer.userId} or (tasks.assignee_user_id is null and tasks.assignee_team_id in (${teams})))`;

  const [myCases, myTasks, teamCases, workers, overdueByAgency, unallocated, pastReview] = await Promise.all([
    byRisk(sql`cases.owner_user_id = ${viewer.userId}`),
    sql<{ open: number; overdue: number | null }>`select count(*) as open, sum(tasks.due_date < ${today}) as overdue
      from tasks where ${OPEN_TASK} and ${mine}`.execute(db),
    sql<{ case_type: string; risk_level: string; n: number }>`select case_type, risk_level, count(*) as n from cases
      where cases.status = 'open' and cases.owner_team_id in (${teams})
      group by case_type, risk_level order by case_type, ${RISK_ORDER}`.execute(db),
    viewer.manager ? workerLoads(db, teams) : Promise.resolve(null),
    sql<{ agency_id: string; agency_name: string | null; n: number }>`select tasks.assignee_agency_id as agency_id, agencies.name as agency_name, count(*) as n
      from tasks left join agencies on agencies.id = tasks.assignee_agency_id
      where ${OPEN_TASK} and tasks.due_date < ${today}
      group by tasks.assignee_agency_id order by n desc, agencies.name collate nocase, tasks.assignee_agency_id`.execute(db),
    byRisk(sql`cases.owner_agency_id = ${viewer.agencyId} and cases.owner_user_id is null`),
    byRisk(sql`cases.owner_agency_id = ${viewer.agencyId} and cases.review_date < ${today}`),
  ]);
  const tasks = myTasks.rows[0];
  return DashboardSchema.parse({
    today,
    myWorkload: { openCasesByRisk: everyRisk(myCases.rows), openTasks: Number(tasks?.open ?? 0), overdueTasks: Number(tasks?.overdue ?? 0) },
    // A type or level this build does not know (a newer server's) is left out rather than shown unlabelled.
    teamCases: teamCases.rows.filter((r) => CaseTypeSchema.safeParse(r.case_type).success && RiskLevelSchema.safeParse(r.risk_level).success)
      .map((r) => ({ caseType: r.case_type, riskLevel: r.risk_level, count: Number(r.n) })),
    workers,
    overdueTasksByAgency: overdueByAgency.rows.map((r) => ({ agencyId: r.agency_id, agencyName: r.agency_name ?? 'Unknown agency', count: Number(r.n) })),
    awaitingAllocation: everyRisk(unallocated.rows),
    pastReview: everyRisk(pastReview.rows),
  });
}

/** Each team member's open cases (owned in the teams) and open tasks (assigned through the teams), busiest first. */
async function workerLoads(db: Kysely<CacheDatabase>, teams: RawBuilder<unknown>) {
  const { rows } = await sql<{ user_id: string; cases: number; tasks: number }>`
    select user_id, sum(cases) as cases, sum(tasks) as tasks from (
      select owner_user_id as user_id, count(*) as cases, 0 as tasks from cases
        where cases.status = 'open' and cases.owner_team_id in (${teams}) and cases.owner_user_id is not null group by owner_user_id
      union all
      select assignee_user_id as user_id, 0 as cases, count(*) as tasks from tasks
        where ${OPEN_TASK} and tasks.assignee_team_id in (${teams}) and tasks.assignee_user_id is not null group by assignee_user_id
    ) group by user_id order by sum(cases) + sum(tasks) desc, user_id`.execute(db);
  return rows.map((r) => ({ userId: r.user_id, openCases: Number(r.cases), openTasks: Number(r.tasks) }));
}

/** Every risk level in order, with the counted ones filled in. */
function everyRisk(rows: ReadonlyArray<{ risk_level: string; n: number }>): RiskCount[] {
  return RISK_LEVELS.map((riskLevel) => ({ riskLevel, count: Number(rows.find((r) => r.risk_level === riskLevel)?.n ?? 0) }));
}
