/**
 * Differential sync test (docs/access.md, docs/sync.md): random access worlds go through random change
 * histories (shares narrowed and widened, cases transferred, subjects attached and removed, places
 * linked, markers placed, tasks assigned, grants expired) applied by the real services. Every user
 * has a client that pulls at random points with random page sizes, and a client that pulls
 * everything from the world's start at the end. Two rules must hold for every page and user:
 * (1) every id in changes or removals is of a record the pure policy let that user see in some
 * state of the history; (2) after the last page, each client's copy (removals applied with the
 * desktop's cascade) holds exactly what the policy lets the user see now. The failing world and
 * history are printed; SYNC_SEED and SYNC_PATH replay one.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse, SyncChange, SyncEntity, SyncRemoval } from '../../domain/http/sync-schemas.ts';
import { currentSeq } from '../../server/changes/next-seq.ts';
import { recordChange, type ChangeEntity } from '../../server/changes/record-change.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { accessWorldArb, WORLD_AT, type AccessWorld } from './access-world.ts';
import { insertWorld } from './access-world-db.ts';
import { expectedVisibility, type Visible } from './access-world-policy.ts';
import { applyStep, historyArb, prepareModel, type HistoryModel, type HistoryStep } from './sync-history.ts';

const RUNS = { sqlite: Number(process.env.SYNC_WORLDS_SQLITE ?? 120), postgres: Number(process.env.SYNC_WORLDS_POSTGRES ?? 40) };

type Mirror = Map<string, SyncChange>;
type Seen = Map<SyncEntity, Set<string>>;

/** The desktop's removal cascade (main/cache/remove-records.ts), on the test's copy. */
function applyPage(mirror: Mirror, page: PullResponse): void {
  for (const c of page.changes) {
    mirror.set(`${c.entity}:${c.data.id}`, c);
  }
  const drop = (keep: (c: SyncChange) => boolean) => {
    for (const [key, c] of mirror) {
      if (!keep(c)) {
        mirror.delete(key);
      }
    }
  };
  for (const r of page.removals) {
    mirror.delete(`${r.entity}:${r.id}`);
    if (r.entity === 'case') {
      drop((c) => !((c.entity === 'case_subject' || c.entity === 'case_location' || c.entity === 'report' || c.entity === 'document') && c.data.caseId === r.id));
    } else if (r.entity === 'location') {
      drop((c) => !(c.entity === 'case_location' && c.data.locationId === r.id));
    } else if (r.entity === 'report') {
      drop((c) => !(c.entity === 'document' && c.data.reportId === r.id));
    }
  }
}

const VISIBLE_KEYS: Partial<Record<SyncEntity, keyof Visible>> = {
  case: 'cases', report: 'reports', document: 'documents', task: 'tasks', person: 'personsRecord', location: 'locations', marker: 'markers', access_request: 'requests',
};

describe.each(testDialects())('differential sync histories on %s', (dialect) => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer(dialect, { now: () => new Date(WORLD_AT) });
  });
  afterAll(() => server.stop());

  async function pullPage(token: string, cursor: string, limit: number): Promise<PullResponse> {
    const res = await server.app.inject({ method: 'GET', url: `/sync/pull?cursor=${cursor}&limit=${limit}`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<PullResponse>();
  }

  /** What each user may see now, per entity, with the subjects and places of the cases they see. */
  async function stateNow(m: HistoryModel): Promise<Array<Map<SyncEntity, Set<string>>>> {
    const expected = expectedVisibility(m.world, m.ids);
    const subjects = await server.db.selectFrom('case_subjects').select(['id', 'case_id']).where('case_id', 'in', m.ids.cases).execute();
    const places = await server.db.selectFrom('case_locations').select(['id', 'case_id']).where('case_id', 'in', m.ids.cases).execute();
    return expected.map((v) => {
      const out = new Map<SyncEntity, Set<string>>();
      for (const [entity, key] of Object.entries(VISIBLE_KEYS) as Array<[SyncEntity, keyof Visible]>) {
        out.set(entity, new Set(v[key]));
      }
      out.set('case_subject', new Set(subjects.filter((s) => v.cases.includes(s.case_id)).map((s) => s.id)));
      out.set('case_location', new Set(places.filter((s) => v.cases.includes(s.case_id)).map((s) => s.id)));
      return out;
    });
  }

  function remember(seen: Seen[], state: Array<Map<SyncEntity, Set<string>>>): void {
    state.forEach((byEntity, user) => {
      for (const [entity, ids] of byEntity) {
        const set = seen[user]!.get(entity) ?? new Set<string>();
        ids.forEach((id) => set.add(id));
        seen[user]!.set(entity, set);
      }
    });
  }

  /** Rule (1): nothing in a page names a record the user never could see. */
  function checkPage(seen: Seen, label: string, page: PullResponse): void {
    const named: SyncRemoval[] = [...page.changes.map((c) => ({ entity: c.entity, id: c.data.id })), ...page.removals];
    // The agency directory is public to every user.
    for (const r of named.filter((x) => x.entity !== 'agency')) {
      expect(seen.get(r.entity)?.has(r.id) ?? false, `${label}: ${r.entity} ${r.id} was never visible (${page.removals.some((x) => x.id === r.id) ? 'removal' : 'change'})`).toBe(true);
    }
  }

  /** Rule (2): the client's copy is exactly what the user may see now. */
  function checkMirror(mirror: Mirror, now: Map<SyncEntity, Set<string>>, label: string): void {
    for (const [entity, ids] of now) {
      const held = [...mirror.values()].filter((c) => c.entity === entity).map((c) => c.data.id).sort();
      expect(held, `${label}: ${entity}`).toEqual([...ids].sort());
    }
  }

  async function check(world: AccessWorld, history: HistoryStep[], limits: number[]): Promise<void> {
    const start = await currentSeq(server.db);
    const m = await server.db.transaction().execute(async (trx) => {
      const ids = await insertWorld(trx, world);
      const model = await prepareModel(trx, world, ids);
      // Every row of the world is logged once, so a pull from the world's start brings all of it.
      const log = async (entity: ChangeEntity, rows: Array<{ id: string; case_id?: string | null }>) => {
        for (const r of rows) {
          await recordChange(trx, { entity, entityId: r.id, op: 'upsert', caseId: r.case_id ?? null, at: WORLD_AT });
        }
      };
      await log('case', await trx.selectFrom('cases').select(['id', 'id as case_id']).where('id', 'in', ids.cases).execute());
      for (const [entity, table] of [['case_subject', 'case_subjects'], ['case_location', 'case_locations'], ['report', 'reports'], ['document', 'documents'], ['task', 'tasks']] as const) {
        await log(entity, await trx.selectFrom(table).select(['id', 'case_id']).where('case_id', 'in', ids.cases).execute());
      }
      await log('person', ids.persons.map((id) => ({ id })));
      await log('location', ids.locations.map((id) => ({ id })));
      await log('marker', ids.markers.map((mk) => ({ id: mk.id })));
      await log('access_request', ids.requests.map((r) => ({ id: r.id })));
      return model;
    });
    const users = m.ids.users;
    const tokens = await Promise.all(users.map(async (id) => (await server.ctx.tokens.signAccess(id, new Date(WORLD_AT))).token));
    const seen: Seen[] = users.map(() => new Map<SyncEntity, Set<string>>());
    remember(seen, await stateNow(m));
    const clients = users.map(() => ({ mirror: new Map() as Mirror, cursor: String(start) }));
    let pageNo = 0;
    const pullAll = async (user: number, client: { mirror: Mirror; cursor: string }, label: string) => {
      for (let guard = 0; guard < 10_000; guard += 1) {
        const page = await pullPage(tokens[user]!, client.cursor, limits[pageNo++ % limits.length]!);
        checkPage(seen[user]!, `${label} (user ${user})`, page);
        applyPage(client.mirror, page);
        client.cursor = page.cursor;
        if (!page.hasMore) {
          return;
        }
      }
      throw new Error('the pull never ended');
    };
    for (const [i, step] of history.entries()) {
      if (step.kind === 'pull') {
        const user = step.user % users.length;
        await pullAll(user, clients[user]!, `pull after step ${i}`);
      } else if (await applyStep(server.ctx, m, step)) {
        remember(seen, await stateNow(m));
      }
    }
    const now = await stateNow(m);
    for (const [user] of users.entries()) {
      await pullAll(user, clients[user]!, 'final incremental pull');
      checkMirror(clients[user]!.mirror, now[user]!, `user ${user}, incremental client`);
      const fresh = { mirror: new Map() as Mirror, cursor: String(start) };
      await pullAll(user, fresh, 'pull from the start');
      checkMirror(fresh.mirror, now[user]!, `user ${user}, client from the start`);
    }
  }

  it(`never names an unseen record and loses no removal in ${RUNS[dialect]} random histories`, async () => {
    await fc.assert(
      fc.asyncProperty(accessWorldArb, historyArb, fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }), check),
      { numRuns: RUNS[dialect], verbose: 1, ...(process.env.SYNC_SEED ? { seed: Number(process.env.SYNC_SEED), path: process.env.SYNC_PATH ?? '' } : {}) },
    );
  }, 600_000);
});
