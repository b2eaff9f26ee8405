/** Registers the task routes: assign, list (mine), view (audited), change, add updates. */
import type { FastifyInstance } from 'fastify';
import { taskRoutes } from '../../domain/http/task-routes.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { caseOwnersOf, recordListRead } from '../audit/record-list-read.ts';
import { isoOf, writeContextOf } from '../changes/write-context.ts';
import { withWrite } from '../db/write.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { loadCaseFor } from '../cases/case-policy-loader.ts';
import { listTaskAssignees } from './task-assignees.ts';
import { listTasks, taskDetail } from './task-queries.ts';
import { addTaskUpdate, createTask, updateTask } from './task-service.ts';

/** Registers the task routes. */
export function registerTaskRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, taskRoutes.createTask, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => taskDetail(trx, await createTask(trx, w, params.id, body), user, isoOf(w)));
  });

  // Who may be given a task on the case: asked only by someone who may add one; names people, so audited.
  registerRoute(app, ctx, taskRoutes.listTaskAssignees, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const assignees = await listTaskAssignees(ctx.db, await loadCaseFor(ctx.db, params.id, user, isoOf(w), 'add_task'));
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.view', entityType: 'case', entityId: params.id, outcome: 'success', at: w.now,
      details: { view: 'task_assignees', agencyIds: assignees.agencies.map((a) => a.id) },
    });
    return assignees;
  });

  registerRoute(app, ctx, taskRoutes.listTasks, async ({ user, query, request }) => {
    const w = writeContextOf(ctx, user, request);
    const tasks = await listTasks(ctx.db, user, isoOf(w), query);
    const caseIds = tasks.map((t) => t.caseId);
    await recordListRead(ctx.db, {
      actor: w.actor, list: 'tasks', entityType: query.caseId === undefined ? 'task' : 'case', entityId: query.caseId ?? null,
      ids: tasks.map((t) => t.id), filters: { ...query }, subject: { ownerAgencyIds: await caseOwnersOf(ctx.db, caseIds) }, at: w.now,
    });
    return { tasks };
  });

  registerRoute(app, ctx, taskRoutes.getTask, async ({ user, params, request }) => {
    const w = writeContextOf(ctx, user, request);
    const detail = await taskDetail(ctx.db, params.id, user, isoOf(w));
    await recordAuditNow(ctx.db, { actor: w.actor, action: 'record.view', entityType: 'task', entityId: params.id, outcome: 'success', at: w.now });
    return detail;
  });

  registerRoute(app, ctx, taskRoutes.updateTask, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => {
      await updateTask(trx, w, params.id, body);
      return taskDetail(trx, params.id, user, isoOf(w));
    });
  });

  registerRoute(app, ctx, taskRoutes.addTaskUpdate, ({ user, params, body, request }) => {
    const w = writeContextOf(ctx, user, request);
    return withWrite(ctx, async (trx) => {
      await addTaskUpdate(trx, w, params.id, body.body);
      return taskDetail(trx, params.id, user, isoOf(w));
    });
  });
}
