/** The fault suite's checks: every queued change on the server exactly once, none twice, and the cache equal to the server's view. */
import type { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { ServerDatabase } from '../../db/server/schema.ts';
import type { SyncEntity } from '../../domain/http/sync-schemas.ts';
import type { ApiClient } from '../../main/api/api-client.ts';
import { rowOf } from '../../main/cache/upsert-change.ts';
import type { JournalEntry } from './fault-journal.ts';

/** Throws with every broken invariant listed. */
function check(problems: string[]): void {
  if (problems.length > 0) {
    throw new Error(`invariants broken:\n  ${problems.join('\n  ')}`);
  }
}

async function countWhere(db: Kysely<ServerDatabase>, table: 'cases' | 'reports' | 'tasks' | 'task_updates', id: string): Promise<number> {
  return (await db.selectFrom(table).select('id').where('id', '=', id).execute()).length;
}

async function audits(db: Kysely<ServerDatabase>, entityId: string, action: 'record.create' | 'record.update'): Promise<number> {
  return (await db.selectFrom('audit_events').select('id').where('entity_id', '=', entityId).where('action', '=', action).execute()).length;
}

/**
 * (a) a change whose enqueue resolved is on the server exactly once, a maybe-queued one (killed
 * around its enqueue) at most once; (b) nothing applied twice: one create audit per new record,
 * versions = 1 + update audits, and updates counted between the certain and the possible changes.
 */
export async function checkServer(db: Kysely<ServerDatabase>, entries: JournalEntry[], caseIds: string[]): Promise<void> {
  const problems: string[] = [];
  const created = new Set<string>();
  const updates = new Map<string, { done: number; maybe: number; values: Array<{ field: string; value: unknown; done: boolean }> }>();
  for (const { change, done, i } of entries) {
    const { name, args } = change;
    if (name === 'case.create' || name === 'report.create' || name === 'task.create' || name === 'task.addUpdate') {
      const [table, id] = name === 'case.create' ? ['cases', args.caseId] as const : name === 'report.create' ? ['reports', args.reportId] as const : name === 'task.create' ? ['tasks', args.taskId] as const : ['task_updates', args.taskUpdateId] as const;
      created.add(id);
      const rows = await countWhere(db, table, id);
      const creates = await audits(db, id, 'record.create');
      if ((done && rows !== 1) || rows > 1 || creates !== rows) {
        problems.push(`step ${i} ${name} ${id} (${done ? 'queued' : 'maybe queued'}): ${rows} rows, ${creates} create audits`);
      }
      continue;
    }
    if (name !== 'case.update' && name !== 'task.update') {
      continue;
    }
    const id = name === 'case.update' ? args.caseId : args.taskId;
    const u = updates.get(id) ?? { done: 0, maybe: 0, values: [] };
    u[done ? 'done' : 'maybe'] += 1;
    for (const [field, value] of Object.entries(args)) {
      if (field !== 'caseId' && field !== 'taskId') {
        u.values.push({ field, value, done });
      }
    }
    updates.set(id, u);
  }
  for (const [id, u] of updates) {
    const row = caseIds.includes(id)
      ? await db.selectFrom('cases').select(['version', 'title', 'review_date']).where('id', '=', id).executeTakeFirstOrThrow()
      : await db.selectFrom('tasks').select(['version', 'status']).where('id', '=', id).executeTakeFirst();
    if (!row) {
      continue; // a task whose create was only maybe queued (and was not)
    }
    const n = await audits(db, id, 'record.update');
    if (row.version !== 1 + n || n < u.done || n > u.done + u.maybe) {
      problems.push(`${id}: version ${row.version}, ${n} update audits, ${u.done} queued + ${u.maybe} maybe-queued updates`);
    }
    for (const field of new Set(u.values.map((v) => v.field))) {
      const column = ({ title: 'title', reviewDate: 'review_date', status: 'status' } as const)[field as 'title'];
      const values = u.values.filter((v) => v.field === field);
      const lastDone = values.map((v) => v.done).lastIndexOf(true);
      const allowed = values.slice(Math.max(0, lastDone)).map((v) => v.value);
      const actual = (row as Record<string, unknown>)[column];
      // With no certain change, the original value is possible too: nothing to check.
      if (lastDone !== -1 && !allowed.includes(actual)) {
        problems.push(`${id}.${field} is ${String(actual)}, expected one of ${allowed.join(' | ')}`);
      }
    }
  }
  // Nothing the desktop did not queue: every report, task and task update on the run's cases is in the journal.
  const reports = await db.selectFrom('reports').select('id').where('case_id', 'in', caseIds).execute();
  const tasks = await db.selectFrom('tasks').select('id').where('case_id', 'in', caseIds).execute();
  const notes = tasks.length === 0 ? [] : await db.selectFrom('task_updates').select('id').where('task_id', 'in', tasks.map((t) => t.id)).execute();
  for (const { id } of [...reports, ...tasks, ...notes]) {
    if (!created.has(id)) {
      problems.push(`${id} is on the server but was never queued`);
    }
  }
  check(problems);
}

/**
 * (c) every step's read from the offline copy reached the audit trail: one per done step, at most
 * one per maybe-done step, and no event twice (a replayed report records nothing again).
 */
export async function checkReportedReads(db: Kysely<ServerDatabase>, entries: JournalEntry[], userId: string): Promise<void> {
  const rows = await db.selectFrom('audit_events').select('details').where('user_id', '=', userId).where('action', '=', 'record.view').execute();
  const ids = rows.map((r) => JSON.parse(r.details) as { source?: string; clientEventId?: string })
    .filter((d) => d.source === 'offline_copy').map((d) => d.clientEventId);
  const done = entries.filter((e) => e.done).length;
  const problems: string[] = [];
  if (ids.length < done || ids.length > entries.length) {
    problems.push(`${ids.length} reads reported for ${done} done and ${entries.length - done} maybe-done steps`);
  }
  if (new Set(ids).size !== ids.length) {
    problems.push(`a read was recorded twice: ${JSON.stringify(ids)}`);
  }
  check(problems);
}

/** The mirrored tables the convergence check compares. */
export interface MirrorView {
  cases: unknown[];
  reports: unknown[];
  tasks: unknown[];
  locations: unknown[];
  caseLocations: unknown[];
}

const COMPARED: readonly SyncEntity[] = ['case', 'report', 'task', 'location', 'case_location'];

/** The server's view for the user: pull from the start, latest record per id, removals applied. */
export async function serverView(api: ApiClient, accessToken: string): Promise<MirrorView> {
  const view = new Map<string, { entity: string; row: unknown }>();
  let cursor: string | undefined;
  for (;;) {
    const page = await api.call('syncPull', { query: { limit: 1000, ...(cursor === undefined ? {} : { cursor }) }, accessToken });
    for (const change of page.changes) {
      if (COMPARED.includes(change.entity)) {
        view.set(`${change.entity}:${change.data.id}`, { entity: change.entity, row: rowOf(change).row });
      }
    }
    for (const removal of page.removals) {
      view.delete(`${removal.entity}:${removal.id}`);
    }
    cursor = page.cursor;
    if (!page.hasMore) {
      break;
    }
  }
  const of = (entity: string) => [...view.values()].filter((v) => v.entity === entity).map((v) => v.row).sort(byId);
  return { cases: of('case'), reports: of('report'), tasks: of('task'), locations: of('location'), caseLocations: of('case_location') };
}

/** (c) The cache's case, report, task and location rows, as the mirror stores them, with an empty outbox. */
export async function cacheView(db: Kysely<CacheDatabase>): Promise<MirrorView & { outbox: unknown[]; conflicts: unknown[] }> {
  const cases = (await db.selectFrom('cases').selectAll().execute()).map(({ rid: _rid, ...row }) => row);
  return {
    cases: cases.sort(byId),
    reports: (await db.selectFrom('reports').selectAll().execute()).map(({ rid: _rid, ...row }) => row).sort(byId),
    tasks: (await db.selectFrom('tasks').selectAll().execute()).sort(byId),
    locations: (await db.selectFrom('locations').selectAll().execute()).sort(byId),
    caseLocations: (await db.selectFrom('case_locations').selectAll().execute()).sort(byId),
    outbox: await db.selectFrom('outbox').selectAll().execute(),
    conflicts: await db.selectFrom('sync_conflicts').selectAll().execute(),
  };
}

function byId(a: unknown, b: unknown): number {
  return String((a as { id: string }).id).localeCompare(String((b as { id: string }).id));
}
