/**
 * Notifications never reveal what the reader may not see (docs/notifications.md): in random worlds
 * (the access worlds, plus random notifications of every kind, audience and subject), the SQL that
 * lists a user's notifications returns exactly those addressed to them whose subject the pure
 * policy lets them see — so no listed notification names a hidden case, task, marker or request.
 */
import fc from 'fast-check';
import type { Transaction } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerDatabase } from '../../db/server/schema.ts';
import { USER_NOTIFICATION_KINDS, type UserNotificationKind } from '../../domain/entities/user-notification.ts';
import { newId } from '../../domain/ids.ts';
import { DECIDING_ROLES, readsCases, type PolicyUser } from '../../domain/policy/policy-user.ts';
import { userNotificationVisibleSql } from '../../server/access/user-notification-visibility.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { accessWorldArb, WORLD_AT, type AccessWorld } from './access-world.ts';
import { insertWorld, type WorldIds } from './access-world-db.ts';
import { expectedVisibility, type Visible } from './access-world-policy.ts';

const RUNS = { sqlite: Number(process.env.NOTIFICATION_WORLDS_SQLITE ?? 300), postgres: Number(process.env.NOTIFICATION_WORLDS_POSTGRES ?? 100) };

/** A random notification: references are indexes, taken modulo the world's lists. */
interface WorldNote { kind: UserNotificationKind; agency: number; team: number | null; user: number | null; subject: number; case: number }

const noteArb = fc.record({
  kind: fc.constantFrom(...USER_NOTIFICATION_KINDS), agency: fc.nat(), team: fc.option(fc.nat(), { nil: null }),
  user: fc.option(fc.nat(), { nil: null }), subject: fc.nat(), case: fc.nat(),
});
const worldArb = fc.record({ world: accessWorldArb, notes: fc.array(noteArb, { minLength: 1, maxLength: 12 }) });

class Rollback extends Error {}

const at = <T>(list: readonly T[], i: number): T | null => (list.length === 0 ? null : list[i % list.length]!);

interface Inserted { id: string; kind: UserNotificationKind; agencyId: string; teamId: string | null; userId: string | null; caseId: string | null; taskId: string | null; markerId: string | null; requestId: string | null }

async function insertNotes(trx: Transaction<ServerDatabase>, ids: WorldIds, notes: WorldNote[]): Promise<Inserted[]> {
  const out: Inserted[] = [];
  for (const n of notes) {
    const task = n.kind === 'task_assigned' || n.kind === 'task_overdue' || n.kind === 'task_escalated' ? at(ids.tasks, n.subject) : null;
    const marker = n.kind === 'marker_added' ? at(ids.markers, n.subject)?.id ?? null : null;
    const request = n.kind === 'access_request_to_decide' || n.kind === 'access_decided' ? at(ids.requests, n.subject)?.id ?? null : null;
    const caseId = n.kind === 'marker_added' || n.kind === 'case_shared' ? at(ids.cases, n.case) : null;
    const row: Inserted = {
      id: newId(), kind: n.kind, agencyId: at(ids.agencies, n.agency)!, teamId: n.team === null ? null : at(ids.teams, n.team),
      userId: n.user === null ? null : at(ids.users, n.user), caseId, taskId: task, markerId: marker, requestId: request,
    };
    out.push(row);
    await trx.insertInto('user_notifications').values({
      id: row.id, kind: row.kind, agency_id: row.agencyId, team_id: row.teamId, user_id: row.userId, case_id: row.caseId,
      task_id: row.taskId, marker_id: row.markerId, access_request_id: row.requestId, dedupe_key: null, created_at: WORLD_AT,
    }).execute();
  }
  return out;
}

/** What the pure policy says the user may be told about. */
function expectedNotes(user: PolicyUser, visible: Visible, ids: WorldIds, notes: Inserted[]): string[] {
  const has = (list: readonly string[], id: string | null) => id !== null && list.includes(id);
  return notes.filter((n) => {
    const addressed = n.agencyId === user.agencyId && (n.teamId === null || user.teamIds.includes(n.teamId)) && (n.userId === null || n.userId === user.id);
    if (!addressed || !readsCases(user)) {
      return false;
    }
    switch (n.kind) {
      case 'task_assigned':
      case 'task_overdue':
      case 'task_escalated': return has(visible.tasks, n.taskId);
      case 'marker_added': return has(visible.markers, n.markerId) && has(visible.cases, n.caseId);
      case 'case_shared': return has(visible.cases, n.caseId);
      case 'access_decided': return has(visible.requests, n.requestId);
      case 'access_request_to_decide': {
        const r = ids.requests.find((q) => q.id === n.requestId);
        return r !== undefined && DECIDING_ROLES.includes(user.role) && ids.agencies[r.ownerAgency] === user.agencyId;
      }
    }
  }).map((n) => n.id).sort();
}

describe.each(testDialects())('notification visibility in random worlds on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect);
  });
  afterAll(() => server.stop());

  async function check({ world, notes }: { world: AccessWorld; notes: WorldNote[] }): Promise<void> {
    await server.db.transaction().execute(async (trx) => {
      const ids = await insertWorld(trx, world);
      const inserted = await insertNotes(trx, ids, notes);
      const visible = expectedVisibility(world, ids);
      for (const [i, u] of world.users.entries()) {
        const user: PolicyUser = { id: ids.users[i]!, agencyId: ids.agencies[u.agency]!, teamIds: u.teams.map((t) => ids.teams[t]!), role: u.role };
        const listed = (await trx.selectFrom('user_notifications as n').select('n.id').where(userNotificationVisibleSql(user, WORLD_AT, 'n')).execute())
          .map((r) => r.id).sort();
        expect({ user: i, listed }).toEqual({ user: i, listed: expectedNotes(user, visible[i]!, ids, inserted) });
      }
      throw new Rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) {
        throw error;
      }
    });
  }

  it(`lists exactly the addressed notifications whose subject the policy shows, in ${RUNS[dialect]} worlds`, async () => {
    await fc.assert(fc.asyncProperty(worldArb, check), { numRuns: RUNS[dialect], verbose: 1 });
  }, 600_000);
});
