/** A run's plan of local changes: kinds picked by the parent's PRNG, turned into concrete changes by the child from its journal. */
import { newId } from '../../domain/ids.ts';
import { TASK_STATUSES, type TaskStatus } from '../../domain/vocabulary.ts';
import type { LocalChange } from '../../main/sync/queue-local-change.ts';
import type { SeededRandom } from '../../server/seed/seeded-random.ts';
import type { JournalEntry } from './fault-journal.ts';

const KINDS = ['caseTitle', 'caseReview', 'report', 'taskCreate', 'taskStatus', 'taskNote'] as const;
/** One planned local change. */
export interface PlanStep {
  kind: (typeof KINDS)[number];
  pick: number;
}

/** What the child needs to make concrete changes: the run's cases and the user's agency. */
export interface PlanWorld {
  tag: string;
  caseIds: string[];
  agencyId: string;
}

/** Draws `count` steps. */
export function drawPlan(random: SeededRandom, count: number): PlanStep[] {
  return Array.from({ length: count }, () => ({ kind: random.pick(KINDS), pick: random.int(0, 1000) }));
}

/** Tasks whose creation is certainly queued (a dangling create may not be). */
export function knownTasks(entries: JournalEntry[]): string[] {
  return entries.flatMap((e) => (e.done && e.change.name === 'task.create' ? [e.change.args.taskId] : []));
}

/** The statuses a task may have on the server now: the last certain one, and any maybe-queued ones after it. */
export function possibleStatuses(entries: JournalEntry[], taskId: string): Set<TaskStatus> {
  let possible = new Set<TaskStatus>(['open']);
  for (const e of entries) {
    if (e.change.name === 'task.update' && e.change.args.taskId === taskId) {
      possible = e.done ? new Set([e.change.args.status]) : possible.add(e.change.args.status);
    }
  }
  return possible;
}

/** The concrete change for step `i`, given what the journal says was queued before it. Every change really changes something. */
export function resolveStep(step: PlanStep, i: number, entries: JournalEntry[], world: PlanWorld): LocalChange {
  const caseId = world.caseIds[step.pick % world.caseIds.length]!;
  const tasks = knownTasks(entries);
  const taskId = tasks[step.pick % Math.max(1, tasks.length)];
  const label = `${world.tag} step ${i}`;
  if ((step.kind === 'taskStatus' || step.kind === 'taskNote') && taskId !== undefined) {
    if (step.kind === 'taskNote') {
      return { name: 'task.addUpdate', args: { taskUpdateId: newId(), taskId, body: `Note for ${label}` } };
    }
    const excluded = possibleStatuses(entries, taskId);
    const choices = TASK_STATUSES.filter((s) => !excluded.has(s));
    return { name: 'task.update', args: { taskId, status: choices[step.pick % choices.length]! } };
  }
  switch (step.kind) {
    case 'caseTitle':
      return { name: 'case.update', args: { caseId, title: `Case title ${label}` } };
    case 'caseReview':
      return { name: 'case.update', args: { caseId, reviewDate: new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10) } };
    case 'report':
      return { name: 'report.create', args: { reportId: newId(), caseId, kind: 'contact', title: `Visit ${label}`, body: `Body of ${label}` } };
    default:
      return { name: 'task.create', args: { taskId: newId(), caseId, title: `Task ${label}`, assigneeAgencyId: world.agencyId } };
  }
}
