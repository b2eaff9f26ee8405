/**
 * `npm run bench:audit-group-commit`: what recording an event "now" costs under concurrent requests
 * with the audit group commit (server/audit/audit-group-commit.ts), side by side with a transaction
 * per event as before. The event is a queue page's `record.list`: 100 case ids, indexed under 10
 * owner agencies. CONCURRENCY callers record events back to back; each caller awaits its event's
 * commit before the next, as a request does before it answers. The two writers alternate in rounds
 * on one database, so both see the same table size and cache.
 *
 * Environment: BENCH_EVENTS (per writer per round, default 800), BENCH_ROUNDS (5; the median is
 * shown), BENCH_CONCURRENCY (16, the server benchmark's connections), BENCH_PRELOAD (2000), and
 * TEST_DATABASE_URL to measure PostgreSQL too.
 */
import type { Kysely } from 'kysely';
import type { ServerDatabase } from '../db/server/schema.ts';
import { newId } from '../domain/ids.ts';
import { joinAuditFlush } from '../server/audit/audit-group-commit.ts';
import { recordAudit, type AuditInput } from '../server/audit/record-audit.ts';
import { openServerDb } from '../server/db/connect.ts';
import { migrateServerDb } from '../server/db/migrate.ts';
import { createTestDatabase } from '../test/support/test-databases.ts';
import { quantile } from './quantile.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 800);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const PRELOAD = Number(process.env.BENCH_PRELOAD ?? 2000);
const OWNERS = Array.from({ length: 10 }, () => newId());
const ACTOR = { userId: newId(), agencyId: OWNERS[0]!, teamId: newId(), deviceId: newId(), ip: '10.0.0.1' };

function listEvent(): AuditInput {
  const ids = Array.from({ length: 100 }, () => newId());
  return {
    actor: ACTOR, action: 'record.list', entityType: 'case', entityId: null, outcome: 'success', at: new Date(),
    details: { list: 'cases', count: ids.length, ids, filters: {} }, subject: { ownerAgencyIds: OWNERS },
  };
}

interface Run {
  eventsPerSecond: number;
  p50: number;
  p99: number;
  perTransaction: number;
}

/** CONCURRENCY callers record EVENTS events in all through `record`; latency is per call. */
async function timeWriter(record: (input: AuditInput, transactions: Set<unknown>) => Promise<unknown>): Promise<Run> {
  const latencies: number[] = [];
  const transactions = new Set<unknown>();
  let next = 0;
  const start = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < EVENTS) {
      next += 1;
      const t = performance.now();
      await record(listEvent(), transactions);
      latencies.push(performance.now() - t);
    }
  }));
  const seconds = (performance.now() - start) / 1000;
  return { eventsPerSecond: EVENTS / seconds, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), perTransaction: EVENTS / transactions.size };
}

function perEventTransaction(db: Kysely<ServerDatabase>) {
  return (input: AuditInput, transactions: Set<unknown>) => db.transaction().execute((trx) => {
    transactions.add(trx);
    return recordAudit(trx, input);
  });
}

function groupCommit(db: Kysely<ServerDatabase>) {
  return (input: AuditInput, transactions: Set<unknown>) => joinAuditFlush(db, (trx) => {
    transactions.add(trx);
    return recordAudit(trx, input);
  });
}

function median(runs: Run[], key: keyof Run): number {
  return quantile(runs.map((r) => r[key]), 0.5);
}

async function bench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const database = await createTestDatabase(dialect);
  const opened = openServerDb(database.config);
  try {
    await migrateServerDb(opened.db);
    for (let i = 0; i < PRELOAD; i += 1) {
      await opened.db.transaction().execute((trx) => recordAudit(trx, listEvent()));
    }
    const single: Run[] = [];
    const grouped: Run[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // Order alternates to cancel warm-up and table-growth effects.
      if (round % 2 === 0) {
        single.push(await timeWriter(perEventTransaction(opened.db)));
        grouped.push(await timeWriter(groupCommit(opened.db)));
      } else {
        grouped.push(await timeWriter(groupCommit(opened.db)));
        single.push(await timeWriter(perEventTransaction(opened.db)));
      }
    }
    const line = (name: string, runs: Run[]) => `  ${name.padEnd(28)} ${median(runs, 'eventsPerSecond').toFixed(0).padStart(6)} events/s   p50 ${median(runs, 'p50').toFixed(1).padStart(6)} ms   p99 ${median(runs, 'p99').toFixed(1).padStart(6)} ms   ${median(runs, 'perTransaction').toFixed(1)} events per transaction`;
    console.log(`${dialect}: ${CONCURRENCY} concurrent callers, ${ROUNDS} rounds × ${EVENTS} record.list events (100 ids, 10 owner agencies), ${PRELOAD} preloaded`);
    console.log(line('a transaction per event', single));
    console.log(line('group commit', grouped));
    console.log(`  group ÷ per event: ${(median(grouped, 'eventsPerSecond') / median(single, 'eventsPerSecond')).toFixed(2)}× the events/s`);
  } finally {
    await opened.close();
    await database.drop();
  }
}

await bench('sqlite');
if (process.env.TEST_DATABASE_URL) {
  await bench('postgres');
}
