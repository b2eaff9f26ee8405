/**
 * The queue's tabs, filters and sorts over a real encrypted cache, against a model computed in JS:
 * each tab returns exactly its cases, each filter narrows, each sort orders both ways with the id as
 * tie-break, they combine with the text filter, and paging adds up to the whole.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompiledQuery, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { Agency, CaseRecord } from '../../domain/entities.ts';
import { QUEUE_SORTS, QUEUE_TABS, type QueueSort, type QueueTab } from '../../domain/ipc/case-channels.ts';
import { newId } from '../../domain/ids.ts';
import { CASE_TYPE_LABELS, CASE_TYPES, RISK_LEVELS } from '../../domain/vocabulary.ts';
import type { CaseCache } from '../../main/cache/case-cache.ts';
import { queryQueue, type QueueQuery } from '../../main/cache/queue-query.ts';
import { defaultCaseTypeChanges, explainable, openTestCache, page, syncCase, syncTask } from './cache-test-kit.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
const pad = (n: number) => String(n).padStart(2, '0');
const localDate = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
const TODAY = localDate(NOW);
const dayFrom = (days: number) => localDate(new Date(NOW.getTime() + days * 86_400_000));

const mine: Agency = { id: newId(), name: 'Brackenford Police', kind: 'police', code: 'BFP' };
const other: Agency = { id: newId(), name: 'alderholt Council', kind: 'council', code: 'AHC' };
const third: Agency = { id: newId(), name: 'Copseley Housing', kind: 'housing', code: 'CHS' };
const me = { userId: newId(), teamIds: [newId(), newId()], agencyId: mine.id };
const someoneElse = newId();
const otherTeam = newId();
const TITLES = ['Noise at the mill', 'alpha lane fire', 'Beta court damage', 'noise at the mill'];

// 60 cases whose attributes cycle at different periods, so every tab, filter and sort has several hits and ties.
const cases: CaseRecord[] = Array.from({ length: 60 }, (_, i) => syncCase({
  reference: `Q-${String((i * 37) % 60).padStart(3, '0')}`,
  title: `${TITLES[i % 4]!}`,
  caseType: CASE_TYPES[i % 5]!,
  status: i % 7 === 0 ? 'closed' : 'open',
  riskLevel: RISK_LEVELS[i % 4]!,
  reviewDate: i % 6 === 0 ? null : dayFrom((i % 9) - 4),
  ownerAgencyId: [mine.id, other.id, third.id][i % 3]!,
  ownerTeamId: [me.teamIds[0]!, me.teamIds[1]!, otherTeam, null][i % 4]!,
  ownerUserId: i % 5 === 0 ? me.userId : i % 5 === 1 ? someoneElse : null,
  sharingLevel: i % 2 === 1 ? 'shared' : 'owner_agency',
  sharedAgencyIds: i % 2 === 1 ? (i % 4 === 1 ? [mine.id] : [third.id]) : [],
  updatedAt: new Date(NOW.getTime() - (i % 10) * 1.5 * 86_400_000).toISOString(),
}));
const c = (i: number) => cases[i]!;
const tasks = [
  syncTask(c(3).id, { assigneeUserId: me.userId, status: 'open' }),
  syncTask(c(7).id, { assigneeTeamId: me.teamIds[1]!, assigneeUserId: someoneElse, status: 'in_progress' }),
  syncTask(c(11).id, { assigneeUserId: me.userId, status: 'done' }),
  syncTask(c(13).id, { assigneeTeamId: otherTeam, status: 'open' }),
  syncTask(c(17).id, { assigneeTeamId: me.teamIds[0]!, status: 'cancelled' }),
  syncTask(c(19).id, { assigneeTeamId: me.teamIds[0]!, assigneeUserId: someoneElse, status: 'open' }),
  syncTask(c(19).id, { assigneeUserId: me.userId, status: 'open' }),
];

// The model: what each tab means, in the words of the spec.
const inTab: Record<QueueTab, (k: CaseRecord) => boolean> = {
  all: () => true,
  recent: (k) => k.updatedAt >= new Date(NOW.getTime() - 7 * 86_400_000).toISOString(),
  my_cases: (k) => k.ownerUserId === me.userId,
  team_cases: (k) => k.ownerTeamId !== null && me.teamIds.includes(k.ownerTeamId),
  shared_with_agency: (k) => k.ownerAgencyId !== mine.id && k.sharingLevel === 'shared' && k.sharedAgencyIds.includes(mine.id),
  my_tasks: (k) => tasks.some((t) => t.caseId === k.id && (t.status === 'open' || t.status === 'in_progress')
    && (t.assigneeUserId === me.userId || (t.assigneeTeamId !== null && me.teamIds.includes(t.assigneeTeamId)))),
};
const agencyName = (id: string) => [mine, other, third].find((a) => a.id === id)!.name;
const typeOrder = [...CASE_TYPES].sort((a, b) => CASE_TYPE_LABELS[a].localeCompare(CASE_TYPE_LABELS[b], 'en-GB'));
const sortKey: Record<QueueSort, (k: CaseRecord) => string | number> = {
  updated: (k) => k.updatedAt,
  reference: (k) => k.reference,
  title: (k) => k.title.toLowerCase(),
  type: (k) => (typeOrder as readonly string[]).indexOf(k.caseType),
  owner: (k) => agencyName(k.ownerAgencyId).toLowerCase(),
  status: (k) => k.status,
  risk: (k) => RISK_LEVELS.indexOf(k.riskLevel),
  review: (k) => k.reviewDate ?? '9999-12-31',
};
function ordered(list: CaseRecord[], sort: QueueSort, direction: 'asc' | 'desc'): string[] {
  const idSign = sort === 'updated' ? -1 : 1; // `updated` ascends with the newer id first, so its default (desc) keeps id ascending
  const sorted = [...list].sort((a, b) => {
    const [x, y] = [sortKey[sort](a), sortKey[sort](b)];
    return x < y ? -1 : x > y ? 1 : (a.id < b.id ? -1 : 1) * idSign;
  });
  return (direction === 'asc' ? sorted : sorted.reverse()).map((k) => k.id);
}

describe('the queue tabs, filters and sorts', () => {
  let dir: string;
  let cache: CaseCache;
  let db: Kysely<CacheDatabase>;
  const ask = async (q: Partial<QueueQuery>) => {
    const result = await cache.queue({ filter: '', limit: 500, offset: 0, viewer: me, now: NOW, ...q });
    return { total: result.total, ids: result.rows.map((r) => r.id) };
  };
  const want = (keep: (k: CaseRecord) => boolean, sort: QueueSort = 'updated', direction: 'asc' | 'desc' = 'desc') => {
    const ids = ordered(cases.filter(keep), sort, direction);
    return { total: ids.length, ids };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cb-cache-queue-tabs-'));
    ({ cache, db } = await openTestCache(dir));
    await cache.applyPullPage(page([
      ...defaultCaseTypeChanges(),
      ...[mine, other, third].map((data) => ({ entity: 'agency' as const, data })),
      ...cases.map((data) => ({ entity: 'case' as const, data })),
      ...tasks.map((data) => ({ entity: 'task' as const, data })),
    ]));
  });
  afterAll(async () => {
    await cache.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives each tab exactly its cases, newest first', async () => {
    for (const tab of QUEUE_TABS) {
      const expected = want(inTab[tab]);
      expect(expected.total, tab).toBeGreaterThan(0);
      expect(expected.total, tab).toBeLessThan(tab === 'all' ? 61 : 60);
      expect(await ask({ tab }), tab).toEqual(expected);
    }
    expect((await ask({ tab: 'my_tasks' })).ids.sort()).toEqual([c(3).id, c(7).id, c(19).id].sort());
    // Without the signed-in user the personal tabs cannot be answered.
    await expect(queryQueue(db, { filter: '', limit: 10, offset: 0, tab: 'my_cases' })).rejects.toThrow(/signed-in user/);
  });

  it('narrows by case type, status, risk, overdue and owner agency, alone and together with a tab', async () => {
    const overdue = (k: CaseRecord) => k.status === 'open' && k.reviewDate !== null && k.reviewDate < TODAY;
    expect(await ask({ caseType: 'iom' })).toEqual(want((k) => k.caseType === 'iom'));
    expect(await ask({ status: 'closed' })).toEqual(want((k) => k.status === 'closed'));
    expect(await ask({ riskLevel: 'very_high' })).toEqual(want((k) => k.riskLevel === 'very_high'));
    expect(await ask({ overdue: true })).toEqual(want(overdue));
    expect(want(overdue).total).toBeGreaterThan(0);
    expect(await ask({ ownerAgencyId: other.id })).toEqual(want((k) => k.ownerAgencyId === other.id));
    const together = (k: CaseRecord) => inTab.team_cases(k) && k.status === 'open' && k.ownerAgencyId === third.id && overdue(k);
    expect(await ask({ tab: 'team_cases', status: 'open', ownerAgencyId: third.id, overdue: true })).toEqual(want(together));
    expect(await ask({ tab: 'my_cases', riskLevel: 'low', caseType: 'asb' }))
      .toEqual(want((k) => inTab.my_cases(k) && k.riskLevel === 'low' && k.caseType === 'asb'));
  });

  it('sorts by every column both ways, ties broken by the id', async () => {
    for (const sort of QUEUE_SORTS) {
      for (const direction of ['asc', 'desc'] as const) {
        expect(await ask({ sort, direction }), `${sort} ${direction}`).toEqual(want(() => true, sort, direction));
      }
    }
    // The default order is the queue's old one: newest first, id ascending on ties.
    expect(await ask({})).toEqual(want(() => true, 'updated', 'desc'));
  });

  it('combines the text filter (trigram and short) with tabs, filters and sorts, and pages to the right total', async () => {
    const noise = (k: CaseRecord) => k.title.toLowerCase().includes('noise');
    expect(await ask({ filter: 'NOISE at', tab: 'team_cases', sort: 'reference', direction: 'asc' }))
      .toEqual(want((k) => noise(k) && inTab.team_cases(k), 'reference', 'asc'));
    expect(await ask({ filter: 'noise', riskLevel: 'medium', sort: 'risk', direction: 'desc' }))
      .toEqual(want((k) => noise(k) && k.riskLevel === 'medium', 'risk', 'desc'));
    // Dense trigram matches in another order than the queue index's.
    expect(await ask({ filter: 'Q-0', sort: 'title', direction: 'asc' }))
      .toEqual(want((k) => k.reference.includes('Q-0'), 'title', 'asc'));
    // One or two characters take the LIKE path; "Q-" is in every reference.
    expect(await ask({ filter: 'q-', tab: 'recent', sort: 'review' })).toEqual(want(inTab.recent, 'review', 'desc'));
    // A type label and an agency name still match, inside the tab.
    expect(await ask({ filter: 'alderholt', tab: 'shared_with_agency' }))
      .toEqual(want((k) => inTab.shared_with_agency(k) && k.ownerAgencyId === other.id));

    for (const q of [{ tab: 'all' as const, sort: 'owner' as const }, { tab: 'team_cases' as const, filter: 'mill', sort: 'type' as const, direction: 'asc' as const }]) {
      const whole = await ask(q);
      const seen: string[] = [];
      for (let offset = 0; offset < whole.total; offset += 7) {
        const part = await ask({ ...q, limit: 7, offset });
        expect(part.total).toBe(whole.total);
        seen.push(...part.ids);
      }
      expect(seen).toEqual(whole.ids);
    }
  });

  it('reads the sorts by reference, title and review date in index order, not by sorting every case', async () => {
    for (const sort of ['reference', 'title', 'review'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const seen: CompiledQuery[] = [];
        const spy = db.withPlugin({
          transformQuery: (a) => {
            seen.push(db.getExecutor().compileQuery(a.node, a.queryId));
            return a.node;
          },
          transformResult: (a) => Promise.resolve(a.result),
        });
        await queryQueue(spy, { filter: '', limit: 20, offset: 0, sort, direction });
        const pageSql = seen.find((q) => q.sql.includes('order by'))!;
        const { rows } = await db.executeQuery<{ detail: string }>(CompiledQuery.raw(`EXPLAIN QUERY PLAN ${pageSql.sql}`, explainable(pageSql.parameters)));
        const plan = rows.map((r) => r.detail).join('\n');
        expect(plan, `${sort} ${direction}`).toMatch(new RegExp(`cases_${sort}_idx`));
        expect(plan, `${sort} ${direction}`).not.toContain('TEMP B-TREE');
      }
    }
  });

  it('offers the case types and owner agencies of the cached cases', async () => {
    const choices = await cache.queueChoices();
    expect(choices.caseTypes).toEqual(typeOrder.filter((t) => cases.some((k) => k.caseType === t)).map((code) => ({ code, label: CASE_TYPE_LABELS[code] })));
    expect(choices.ownerAgencies).toEqual([other, mine, third].map(({ id, name }) => ({ id, name })));
  });
});
