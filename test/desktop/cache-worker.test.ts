/** The encrypted cache runs in a worker thread: typed read/write handles, transactions, locking and crashes. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId as mainThreadId, type Worker } from 'node:worker_threads';
import { Migrator, sql, type Insertable } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheMigrationProvider } from '../../db/cache/migrations/index.ts';
import type { CacheCaseTable } from '../../db/cache/schema.ts';
import { CacheError } from '../../main/cache-worker/cache-error.ts';
import { cacheHandles, openCache, type CacheHandles } from '../../main/cache-worker/open-cache.ts';
import { CacheWorkerClient } from '../../main/cache-worker/worker-client.ts';

let dir: string;
let file: string;
let keyHex: string;
const opened: CacheHandles[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cache-worker-'));
  file = join(dir, 'cache.db');
  keyHex = randomBytes(32).toString('hex');
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((h) => h.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function openMigrated(): Promise<{ handles: CacheHandles; client: CacheWorkerClient }> {
  const client = await CacheWorkerClient.start({ file, keyHex });
  const handles = cacheHandles(client);
  opened.push(handles);
  const { error } = await new Migrator({ db: handles.write, provider: cacheMigrationProvider }).migrateToLatest();
  expect(error).toBeUndefined();
  return { handles, client };
}

function buildCase(overrides: Partial<Insertable<CacheCaseTable>> = {}): Insertable<CacheCaseTable> {
  const id = overrides.id ?? `case_${randomBytes(6).toString('hex')}`;
  return {
    id, reference: `REF-${id}`, title: `Synthetic case ${id}`, case_type: 'asb', status: 'open', closure_reason: null,
    risk_level: 'medium', review_date: null, owner_agency_id: 'agency_1', owner_team_id: null, owner_user_id: null,
    sharing_level: 'owner_agency', shared_agency_ids: '[]', created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-02T00:00:00.000Z', version: 1, ...overrides,
  };
}

async function caseCount(handles: CacheHandles): Promise<number> {
  const row = await handles.read.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function rejection(promise: Promise<unknown>): Promise<CacheError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CacheError);
  return error as CacheError;
}

describe('cache worker', () => {
  it('runs the SQL of both handles on the worker thread, never on the calling thread', async () => {
    const { handles, client } = await openMigrated();
    const query = sql<{ t: number }>`select casebridge_thread_id() as t`;
    const [read, write] = [(await query.execute(handles.read)).rows[0]?.t, (await query.execute(handles.write)).rows[0]?.t];
    expect(client.threadId).toBeGreaterThan(0);
    expect(read).toBe(client.threadId);
    expect(write).toBe(client.threadId);
    expect(read).not.toBe(mainThreadId);
  });

  it('writes through the write handle and reads them back with their types through the read handle', async () => {
    const { handles } = await openMigrated();
    const inserted = await handles.write.insertInto('cases').values(buildCase({ id: 'case_a', version: 7 })).executeTakeFirstOrThrow();
    expect(inserted.numInsertedOrUpdatedRows).toBe(1n);
    const row = await handles.read.selectFrom('cases').selectAll().where('id', '=', 'case_a').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ id: 'case_a', version: 7, closure_reason: null });
    const blob = await sql<{ b: Buffer }>`select x'00ff10' as b`.execute(handles.read);
    expect(Buffer.isBuffer(blob.rows[0]?.b)).toBe(true);
    expect([...blob.rows[0]!.b]).toEqual([0, 255, 16]);
  });

  it('names each row by the columns of its statement, even a column named __proto__, with one object per row', async () => {
    const { handles } = await openMigrated();
    const { rows } = await sql<Record<string, unknown>>`select 1 as "__proto__", 'one' as "a b", null as "it's" union all select 2, 'two', x'01'`.execute(handles.read);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
      expect(Object.keys(row)).toEqual(['__proto__', 'a b', "it's"]);
    }
    expect(rows.map((row) => Object.getOwnPropertyDescriptor(row, '__proto__')?.value as unknown)).toEqual([1, 2]);
    expect(rows.map((row) => row['a b'])).toEqual(['one', 'two']);
    expect(rows[0]!["it's"]).toBeNull();
    expect(Buffer.isBuffer(rows[1]!["it's"])).toBe(true);
    expect(rows[0]).not.toBe(rows[1]);
    // The same statement shape with other names gets its own names, not the first shape's.
    const renamed = await sql<Record<string, unknown>>`select 1 as x, 'one' as y, null as z`.execute(handles.read);
    expect(renamed.rows).toEqual([{ x: 1, y: 'one', z: null }]);
  });

  it("reads a cached statement's columns afresh once the schema changes, committed or not yet", async () => {
    const { handles } = await openMigrated();
    const all = () => sql<Record<string, unknown>>`select * from migration_probe`;
    await sql`create table migration_probe (a integer)`.execute(handles.write);
    await sql`insert into migration_probe values (1)`.execute(handles.write);
    expect((await all().execute(handles.read)).rows).toEqual([{ a: 1 }]);
    await sql`alter table migration_probe add column b text default 'x'`.execute(handles.write);
    expect((await all().execute(handles.read)).rows).toEqual([{ a: 1, b: 'x' }]);
    // The reader runs between the writer's change and its commit: it sees the old schema, then the new one.
    await handles.write.transaction().execute(async (trx) => {
      await sql`alter table migration_probe rename column a to c`.execute(trx);
      expect((await all().execute(handles.read)).rows).toEqual([{ a: 1, b: 'x' }]);
    });
    expect((await all().execute(handles.read)).rows).toEqual([{ c: 1, b: 'x' }]);
  });

  it('rolls a transaction back when its callback throws or one of its statements fails', async () => {
    const { handles } = await openMigrated();
    const thrown = handles.write.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values(buildCase({ id: 'case_1' })).execute();
      throw new Error('the caller gave up');
    });
    await expect(thrown).rejects.toThrow('the caller gave up');
    const failed = handles.write.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values(buildCase({ id: 'case_2' })).execute();
      await trx.insertInto('cases').values(buildCase({ id: 'case_2' })).execute();
    });
    const error = await rejection(failed);
    expect(error).toMatchObject({ code: 'internal_error', reason: 'sqlite', sqliteCode: 'SQLITE_CONSTRAINT_UNIQUE' });
    expect(await caseCount(handles)).toBe(0);
    // The connection is usable afterwards: no transaction was left open.
    await handles.write.insertInto('cases').values(buildCase({ id: 'case_3' })).execute();
    expect(await caseCount(handles)).toBe(1);
  });

  it('lets the read handle see committed rows only, without waiting for an open write transaction', async () => {
    const { handles } = await openMigrated();
    await handles.write.transaction().execute(async (trx) => {
      await trx.insertInto('cases').values(buildCase()).execute();
      expect(await caseCount(handles)).toBe(0);
    });
    expect(await caseCount(handles)).toBe(1);
  });

  it('refuses any statement that writes on the read handle, with a typed error, and changes nothing', async () => {
    const { handles } = await openMigrated();
    const insert = await rejection(handles.read.insertInto('cases').values(buildCase()).execute());
    expect(insert).toMatchObject({ code: 'authorization_error', reason: 'read_only' });
    const drop = await rejection(sql`drop table cases`.execute(handles.read));
    expect(drop.reason).toBe('read_only');
    expect(await caseCount(handles)).toBe(0);
  });

  it('rejects a value SQLite cannot bind with validation_error', async () => {
    const { handles } = await openMigrated();
    const error = await rejection(sql`select ${true} as flag`.execute(handles.read));
    expect(error.code).toBe('validation_error');
  });

  it('answers 100 parallel reads, each with its own row', async () => {
    const { handles } = await openMigrated();
    const ids = Array.from({ length: 100 }, (_, i) => `case_${String(i).padStart(3, '0')}`);
    await handles.write.insertInto('cases').values(ids.map((id, i) => buildCase({ id, title: `Title ${i}` }))).execute();
    const rows = await Promise.all(ids.map((id) => handles.read.selectFrom('cases').select(['id', 'title']).where('id', '=', id).executeTakeFirstOrThrow()));
    expect(rows).toEqual(ids.map((id, i) => ({ id, title: `Title ${i}` })));
  });

  it('rejects a wrong key with authentication_error, never shows the key, and leaves no worker running', async () => {
    const first = await openCache({ file, keyHex });
    await first.close();
    const wrongKey = randomBytes(32).toString('hex');
    let worker: Worker | undefined;
    const error = await rejection(CacheWorkerClient.start({ file, keyHex: wrongKey, observe: (w) => (worker = w) }));
    expect(error).toMatchObject({ code: 'authentication_error', reason: 'bad_key' });
    expect(error.message).not.toContain(wrongKey);
    expect(worker?.threadId).toBe(-1);
  });

  it('closes: afterwards every query on either handle rejects with session_locked, and close is idempotent', async () => {
    const { handles, client } = await openMigrated();
    await handles.close();
    expect(client.threadId).toBe(-1);
    expect(await rejection(handles.read.selectFrom('cases').selectAll().execute())).toMatchObject({ code: 'session_locked', reason: 'closed' });
    expect((await rejection(handles.write.deleteFrom('cases').execute())).code).toBe('session_locked');
    await handles.close();
    const reopened = await openCache({ file, keyHex });
    opened.push(reopened);
    expect(await caseCount(reopened)).toBe(0);
  });

  it('turns a worker crash into typed errors for the waiting query and every later one, instead of hanging', async () => {
    const { handles, client } = await openMigrated();
    // A query that keeps the worker busy long enough to be cut off mid-way.
    const slow = sql`with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000000) select count(*) as c from n`.execute(handles.read);
    await client.terminate();
    expect(await rejection(slow)).toMatchObject({ code: 'internal_error', reason: 'worker_failed' });
    expect((await rejection(handles.write.insertInto('cases').values(buildCase()).execute())).reason).toBe('worker_failed');
  });

  it('checkpoints the WAL down to nothing', async () => {
    const { handles } = await openMigrated();
    await handles.write.insertInto('cases').values(Array.from({ length: 50 }, () => buildCase())).execute();
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(0);
    await handles.checkpoint();
    expect(statSync(`${file}-wal`).size).toBe(0);
  });
});
