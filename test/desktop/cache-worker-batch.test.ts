/** Batches in the cache worker (one round trip, one transaction, bound columns), shapes compiled once, and the queue read through both. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { MarkerType } from '../../domain/vocabulary.ts';
import { compileOnce } from '../../db/compile-once.ts';
import { queryQueue, type QueueQuery } from '../../main/cache/queue-query.ts';
import { CacheError } from '../../main/cache-worker/cache-error.ts';
import { openEncryptedDb } from '../../main/cache-worker/open-encrypted-db.ts';
import { batchColumn, executeBatch } from '../../main/cache-worker/query-batch.ts';
import { openSyncedCache, type SyncedCache } from '../../main/sync/synced-cache.ts';
import { openCache, type CacheHandles } from '../../main/cache-worker/open-cache.ts';
import {
  defaultCaseTypeChanges, page, syncCase, syncCaseLocation, syncLocation, syncMarker, syncPerson, syncSubject,
} from './cache-test-kit.ts';

const day = (d: number) => new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString();
const agency = { id: '6f1d3c1e-54a4-4c8e-9a51-2b8e7d0c4a11', name: 'Wealdmoor Housing', kind: 'housing' as const, code: 'WMH' };
// 60 cases: every fourth closed, a few with markers on the case, a subject or a place (one expired).
const cases = Array.from({ length: 60 }, (_, i) => syncCase({
  reference: `BAT-${String(i).padStart(3, '0')}`, title: i % 3 === 0 ? `Lane kiosk ${i}` : `Mill yard ${i}`, status: i % 4 === 0 ? 'closed' : 'open',
  riskLevel: (['low', 'medium', 'high', 'very_high'] as const)[i % 4]!, updatedAt: day(i % 7 === 0 ? 5 : i), ...(i % 5 === 0 ? { ownerAgencyId: agency.id } : {}),
}));
const person = syncPerson();
const place = syncLocation();
const expired = { ...syncMarker('case', cases[3]!.id), markerType: 'weapons' as const, expiresAt: '2026-01-02T00:00:00.000Z' };
const markerChanges = [
  { entity: 'marker' as const, data: syncMarker('case', cases[59]!.id) },
  { entity: 'person' as const, data: person },
  { entity: 'case_subject' as const, data: syncSubject(cases[58]!.id, person.id) },
  { entity: 'marker' as const, data: { ...syncMarker('person', person.id), markerType: 'violence' as const } },
  { entity: 'location' as const, data: place },
  { entity: 'case_location' as const, data: syncCaseLocation(cases[59]!.id, place.id) },
  { entity: 'marker' as const, data: { ...syncMarker('location', place.id), markerType: 'weapons' as const } },
  { entity: 'marker' as const, data: expired },
];

let dir: string;
let cache: SyncedCache;
let handles: CacheHandles;
let inProcess: Kysely<CacheDatabase>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cb-cache-batch-'));
  const file = join(dir, 'cache.db');
  const keyHex = randomBytes(32).toString('hex');
  cache = await openSyncedCache({ file, keyHex });
  await cache.applyPullPage(page([...defaultCaseTypeChanges(), { entity: 'agency', data: agency }, ...cases.map((data) => ({ entity: 'case' as const, data })), ...markerChanges]));
  // A second worker on the same file for the raw batch tests, and an in-process handle to compare the queue with.
  handles = await openCache({ file, keyHex });
  inProcess = new Kysely<CacheDatabase>({ dialect: new SqliteDialect({ database: openEncryptedDb(file, keyHex) }) });
});
afterAll(async () => {
  await inProcess.destroy();
  await handles.close();
  await cache.close();
  rmSync(dir, { recursive: true, force: true });
});

async function rejection(promise: Promise<unknown>): Promise<CacheError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CacheError);
  return error as CacheError;
}

const caseCount = async () => Number((await handles.read.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

describe('executeBatch on the cache worker', () => {
  it('answers each statement in order, and a later statement reads an earlier one\'s column', async () => {
    const { read } = handles;
    const [open, closed, bound] = await executeBatch(read, [
      read.selectFrom('cases').select('id').where('status', '=', 'open').orderBy('id').limit(3).compile(),
      read.selectFrom('cases').select(['id', 'status']).where('status', '=', 'closed').orderBy('id').compile(),
      sql<{ id: string }>`select id from cases where id in (select value from json_each(${batchColumn(0, 'id')})) order by id desc`.compile(read),
    ]);
    const expectedOpen = cases.filter((c) => c.status === 'open').map((c) => c.id).sort().slice(0, 3);
    expect(open.map((r) => r.id)).toEqual(expectedOpen);
    expect(closed.map((r) => r.id)).toEqual(cases.filter((c) => c.status === 'closed').map((c) => c.id).sort());
    expect(closed.every((r) => r.status === 'closed')).toBe(true);
    expect(bound.map((r) => r.id)).toEqual([...expectedOpen].reverse());
  });

  it('rolls back every write of a batch when one statement fails, and rejects it whole', async () => {
    const before = await caseCount();
    const { write } = handles;
    const error = await rejection(executeBatch(write, [
      write.updateTable('cases').set({ title: 'Changed by a failed batch' }).where('id', '=', cases[0]!.id).compile(),
      write.deleteFrom('cases').where('id', '=', cases[1]!.id).compile(),
      sql`insert into no_such_table values (1)`.compile(write),
    ]));
    expect(error.reason).toBe('sqlite');
    expect(await caseCount()).toBe(before);
    const title = await handles.read.selectFrom('cases').select('title').where('id', '=', cases[0]!.id).executeTakeFirstOrThrow();
    expect(title.title).toBe(cases[0]!.title);
    // The write connection is usable afterwards, outside any transaction.
    const [[one]] = await executeBatch(write, [sql<{ one: number }>`select 1 as one`.compile(write)]);
    expect(one).toEqual({ one: 1 });
    await write.transaction().execute(async (trx) => trx.selectFrom('meta').selectAll().execute());
  });

  it('commits a batch of writes together', async () => {
    const { write } = handles;
    const [, , [row]] = await executeBatch(write, [
      write.updateTable('cases').set({ title: 'Batch title A' }).where('id', '=', cases[10]!.id).compile(),
      write.updateTable('cases').set({ title: 'Batch title B' }).where('id', '=', cases[11]!.id).compile(),
      write.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).where('title', 'like', 'Batch title %').compile(),
    ]);
    expect(Number(row!.n)).toBe(2);
    const titles = await handles.read.selectFrom('cases').select('title').where('id', 'in', [cases[10]!.id, cases[11]!.id]).orderBy('title').execute();
    expect(titles.map((t) => t.title)).toEqual(['Batch title A', 'Batch title B']);
    await executeBatch(write, [10, 11].map((i) => write.updateTable('cases').set({ title: cases[i]!.title }).where('id', '=', cases[i]!.id).compile()));
  });

  it('refuses a write on the read handle, a column bound from a later statement or one no statement returns, and transaction control, changing nothing', async () => {
    const before = await caseCount();
    const { read, write } = handles;
    const readOnly = await rejection(executeBatch(read, [read.deleteFrom('cases').compile()]));
    expect([readOnly.code, readOnly.reason]).toEqual(['authorization_error', 'read_only']);
    const later = await rejection(executeBatch(read, [sql`select value from json_each(${batchColumn(1, 'id')})`.compile(read), read.selectFrom('cases').select('id').compile()]));
    expect([later.code, later.reason]).toEqual(['validation_error', 'bad_batch']);
    const unknownColumn = await rejection(executeBatch(write, [
      write.deleteFrom('cases').where('id', '=', cases[2]!.id).compile(),
      sql`select value from json_each(${batchColumn(0, 'nope')})`.compile(write),
    ]));
    expect([unknownColumn.code, unknownColumn.reason]).toEqual(['validation_error', 'bad_batch']);
    const control = await rejection(executeBatch(write, [write.deleteFrom('cases').where('id', '=', cases[2]!.id).compile(), sql`commit`.compile(write)]));
    expect([control.code, control.reason]).toEqual(['validation_error', 'bad_batch']);
    expect(await caseCount()).toBe(before);
  });

  it('waits for a transaction holding the handle instead of running inside it', async () => {
    const { write } = handles;
    let release = () => {};
    let updated = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const didUpdate = new Promise<void>((resolve) => {
      updated = resolve;
    });
    const transaction = write.transaction().execute(async (trx) => {
      await trx.updateTable('cases').set({ title: 'Rolled back' }).where('id', '=', cases[4]!.id).execute();
      updated();
      await held;
      throw new Error('roll back');
    });
    // Sent while the transaction holds the write connection with its change made but not committed.
    await didUpdate;
    const batch = executeBatch(write, [write.selectFrom('cases').select('title').where('id', '=', cases[4]!.id).compile()]);
    release();
    await expect(transaction).rejects.toThrow('roll back');
    const [[row]] = await batch;
    expect(row!.title).toBe(cases[4]!.title);
  });
});

describe('compileOnce', () => {
  it('builds a shape once and answers each call with its own values, through the worker and in process', async () => {
    for (const db of [handles.read, inProcess]) {
      let builds = 0;
      const byStatus = (status: string, limit: number) => compileOnce(db, 'cases by status', { status, limit }, (d, v) => {
        builds += 1;
        return d.selectFrom('cases').select('id').where('status', '=', v.status).orderBy('id').limit(v.limit).compile();
      });
      for (const [status, limit] of [['open', 5], ['closed', 3], ['open', 50]] as const) {
        const [rows] = await executeBatch(db, [byStatus(status, limit)]);
        expect(rows.map((r) => r.id)).toEqual(cases.filter((c) => c.status === status).map((c) => c.id).sort().slice(0, limit));
      }
      expect(builds).toBe(1);
    }
  });

  it('refuses a shape that does not bind one of its values', () => {
    expect(() => compileOnce(handles.read, 'unbound', { status: 'open' }, (d) => d.selectFrom('cases').select('id').compile())).toThrow(/does not bind status/);
  });
});

describe('the queue through the worker (batched, compiled once) and in process', () => {
  it('answers the same pages, totals and markers', async () => {
    const queries: QueueQuery[] = [
      { filter: '', limit: 20, offset: 0 }, { filter: '', limit: 20, offset: 20 }, { filter: '', limit: 7, offset: 56 },
      { filter: '', limit: 10, offset: 0, sort: 'risk', direction: 'asc' }, { filter: '', limit: 10, offset: 5, sort: 'reference', direction: 'desc' },
      { filter: '', limit: 10, offset: 0, status: 'closed' }, { filter: 'ki', limit: 10, offset: 0 }, { filter: 'lane kiosk', limit: 5, offset: 0 },
      { filter: 'lane kiosk 5', limit: 5, offset: 0 }, { filter: 'wealdmoor', limit: 50, offset: 0 }, { filter: 'no such words', limit: 5, offset: 0 },
    ];
    const now = new Date('2026-06-01T00:00:00.000Z');
    for (const q of queries) {
      const viaWorker = await cache.queue({ ...q, now });
      expect(viaWorker, JSON.stringify(q)).toEqual(await queryQueue(inProcess, { ...q, now }));
    }
    const first = await cache.queue({ filter: '', limit: 60, offset: 0, now });
    expect(first.total).toBe(60);
    const markers = new Map(first.rows.map((r) => [r.id, r.markerTypes]));
    expect(markers.get(cases[59]!.id)).toEqual(['staff_safety', 'weapons'] satisfies MarkerType[]);
    expect(markers.get(cases[58]!.id)).toEqual(['violence'] satisfies MarkerType[]);
    // An expired marker no longer shows.
    expect(markers.get(cases[3]!.id)).toEqual([]);
    // A text filter's page carries the same markers: a short filter (one batch, the page second in it) and a long one (two).
    for (const filter of ['ya', 'yard 5']) {
      const filtered = await cache.queue({ filter, limit: 60, offset: 0, now });
      expect(filtered.rows.map((r) => r.id)).toEqual(expect.arrayContaining([cases[58]!.id, cases[59]!.id]));
      for (const row of filtered.rows) {
        expect(row.markerTypes, `${filter}: ${row.reference}`).toEqual(markers.get(row.id));
      }
    }
  });
});
