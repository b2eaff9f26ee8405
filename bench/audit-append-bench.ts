/**
 * `npm run bench:audit-append`: what appending an audit event costs now that the head carries the
 * Merkle log's frontier, side by side with the plain hash chain it replaced (the same statements
 * without the frontier). Each event is its own transaction, as a failed sign-in records it. The
 * two writers alternate in rounds on one database, so both see the same table size and cache.
 *
 * Environment: BENCH_EVENTS (per writer per round, default 1000), BENCH_ROUNDS (5; the median is
 * shown), BENCH_PRELOAD (events recorded before measuring, default 10000), and TEST_DATABASE_URL
 * to measure PostgreSQL too.
 */
import type { Kysely, Transaction } from 'kysely';
import type { ServerDatabase } from '../db/server/schema.ts';
import { AUDIT_ACTIONS } from '../domain/audit/audit-actions.ts';
import { newId } from '../domain/ids.ts';
import { appendToFrontier, EMPTY_FRONTIER, encodeFrontier } from '../domain/audit/merkle-frontier.ts';
import { auditEventHash } from '../server/audit/audit-hash.ts';
import { forEachAuditLeaf } from '../server/audit/audit-leaves.ts';
import { sha256 } from '../server/audit/sha256.ts';
import { recordAudit, type AuditInput } from '../server/audit/record-audit.ts';
import { openServerDb } from '../server/db/connect.ts';
import { migrateServerDb } from '../server/db/migrate.ts';
import { createTestDatabase } from '../test/support/test-databases.ts';
import { quantile } from './quantile.ts';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const PRELOAD = Number(process.env.BENCH_PRELOAD ?? 10_000);

function event(i: number): AuditInput {
  return {
    actor: { userId: newId(), agencyId: newId(), deviceId: newId(), ip: '10.0.0.1' },
    action: 'record.update', entityType: 'case', entityId: newId(), outcome: 'success',
    details: { fields: { title: { old: `t${i}`, new: `t${i + 1}` } } }, at: new Date(),
  };
}

/** The append as it was before the Merkle log: chain hash only, the frontier column left as it is. */
async function recordChainOnly(trx: Transaction<ServerDatabase>, input: AuditInput): Promise<void> {
  const head = await trx.updateTable('audit_head').set((eb) => ({ seq: eb('seq', '+', 1) })).where('id', '=', 1)
    .returning(['seq', 'hash']).executeTakeFirstOrThrow();
  const fields = {
    seq: Number(head.seq), id: newId(), at: input.at.toISOString(), user_id: input.actor.userId, agency_id: input.actor.agencyId,
    team_id: input.actor.teamId ?? null, device_id: input.actor.deviceId ?? null, ip: input.actor.ip, action: input.action,
    category: AUDIT_ACTIONS[input.action], entity_type: input.entityType ?? null, entity_id: input.entityId ?? null,
    outcome: input.outcome, justification: input.justification ?? null, details: JSON.stringify(input.details ?? {}), prev_hash: head.hash,
  };
  const hash = auditEventHash(fields);
  await trx.insertInto('audit_events').values({ ...fields, hash }).execute();
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
}

async function timeAppends(db: Kysely<ServerDatabase>, append: (trx: Transaction<ServerDatabase>, input: AuditInput) => Promise<unknown>, from: number): Promise<number> {
  const start = process.hrtime.bigint();
  for (let i = 0; i < EVENTS; i += 1) {
    await db.transaction().execute((trx) => append(trx, event(from + i)));
  }
  return Number(process.hrtime.bigint() - start) / 1000 / EVENTS;
}

async function bench(dialect: 'sqlite' | 'postgres'): Promise<void> {
  const database = await createTestDatabase(dialect);
  const opened = openServerDb(database.config);
  try {
    await migrateServerDb(opened.db);
    for (let i = 0; i < PRELOAD; i += 1) {
      await opened.db.transaction().execute((trx) => recordAudit(trx, event(i)));
    }
    const chain: number[] = [];
    const log: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      // The chain-only rows stay in the table, but the frontier no longer covers them; this
      // database is thrown away, and only timing is kept. Order alternates to cancel warm-up effects.
      if (round % 2 === 0) {
        chain.push(await timeAppends(opened.db, recordChainOnly, round));
        await resyncFrontier(opened.db);
        log.push(await timeAppends(opened.db, recordAudit, round));
      } else {
        log.push(await timeAppends(opened.db, recordAudit, round));
        chain.push(await timeAppends(opened.db, recordChainOnly, round));
        await resyncFrontier(opened.db);
      }
    }
    const c = quantile(chain, 0.5);
    const l = quantile(log, 0.5);
    console.log(`${dialect.padEnd(8)} hash chain ${c.toFixed(1).padStart(7)} µs/event   Merkle log ${l.toFixed(1).padStart(7)} µs/event   ratio ${(l / c).toFixed(2)}×   (${ROUNDS} rounds × ${EVENTS} events, ${PRELOAD} preloaded)`);
  } finally {
    await opened.close();
    await database.drop();
  }
}

/** After chain-only appends, rebuild the frontier so the next Merkle appends start from a valid head. */
async function resyncFrontier(db: Kysely<ServerDatabase>): Promise<void> {
  const head = await db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow();
  let frontier = EMPTY_FRONTIER;
  await forEachAuditLeaf(db, 1, Number(head.seq), (_seq, leafHash) => {
    frontier = appendToFrontier(sha256, frontier, leafHash);
  });
  await db.updateTable('audit_head').set({ tree_frontier: encodeFrontier(frontier) }).where('id', '=', 1).execute();
}

await bench('sqlite');
if (process.env.TEST_DATABASE_URL) {
  await bench('postgres');
}
