/**
 * Applies a client's outbox in order (docs/sync.md): each mutation in its own transaction with
 * the client's last mutation id, so a replay is a no-op; a rejected or conflicting mutation is
 * recorded as handled and the rest go on.
 */
import type { FastifyRequest } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import type { PushBody, PushMutation, PushResponse, PushResult } from '../../domain/http/sync-schemas.ts';
import { MUTATION_ARGS, type MutationName } from '../../domain/sync/mutations.ts';
import { parseOrThrow } from '../../domain/validation-error.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { writeContextOf, type WriteContext } from '../changes/write-context.ts';
import { withWrite } from '../db/write.ts';
import type { ServerContext } from '../context/server-context.ts';
import { bindClient, claimMutation } from './client-binding.ts';
import { MUTATION_APPLIERS, MutationConflict, type MutationApplier } from './mutations/index.ts';

/** Applies the mutations above the client's last applied id; answers one result per mutation. */
export async function pushMutations(ctx: ServerContext, user: AuthUser, body: PushBody, request: FastifyRequest): Promise<PushResponse> {
  let last = await bindClient(ctx.db, body.clientId, user.id, ctx.now().toISOString());
  const results: PushResult[] = [];
  for (const mutation of body.mutations) {
    if (mutation.mutationId <= last) {
      results.push(await replayedOutcome(ctx, body.clientId, mutation.mutationId));
      continue;
    }
    const env: WriteContext = { ...writeContextOf(ctx, user, request), afterCommit: [] };
    results.push(await applyOne(ctx, env, body.clientId, mutation));
    last = mutation.mutationId;
  }
  return { results, lastMutationId: last };
}

async function applyOne(ctx: ServerContext, env: WriteContext, clientId: string, mutation: PushMutation): Promise<PushResult> {
  const { mutationId } = mutation;
  const at = env.now.toISOString();
  try {
    const args = parseArgs(mutation.name, mutation.args);
    const applier = MUTATION_APPLIERS[mutation.name] as MutationApplier<MutationName>;
    const result = await withWrite(ctx, async (trx): Promise<PushResult> => {
      if (!(await claimMutation(trx, clientId, env.user.id, mutationId, at))) {
        return { mutationId, status: 'applied' }; // a concurrent replay got there first
      }
      const note = await applier(trx, env, args, mutation.baseVersion);
      const result: PushResult = { mutationId, status: 'applied', ...note };
      if (note?.likelyMatches) {
        // Kept like a refusal, so a replay after a lost response still hears what needs reviewing.
        await trx.insertInto('client_mutation_outcomes').values({ client_id: clientId, mutation_id: mutationId, result: JSON.stringify(result), at }).execute();
      }
      return result;
    });
    for (const work of env.afterCommit ?? []) {
      await work(ctx.config.dataDir);
    }
    return result;
  } catch (error) {
    if (!(error instanceof CodedError)) {
      throw error; // not the mutation's fault: the client retries the rest later
    }
    // Rolled back (a conflict writes nothing); record the id as handled so one bad item never blocks
    // the outbox, and keep the answer so a replay after a lost response hears the same thing.
    const result: PushResult = error instanceof MutationConflict
      ? { mutationId, status: 'conflict', serverVersion: error.serverVersion, serverValue: error.serverValue }
      : { mutationId, status: 'rejected', error: { code: error.code, message: error.message } };
    await withWrite(ctx, async (trx) => {
      if (await claimMutation(trx, clientId, env.user.id, mutationId, at)) {
        await trx.insertInto('client_mutation_outcomes').values({ client_id: clientId, mutation_id: mutationId, result: JSON.stringify(result), at }).execute();
      }
    });
    return result;
  }
}

/** What a replayed mutation id was answered the first time: its stored refusal, or applied. */
async function replayedOutcome(ctx: ServerContext, clientId: string, mutationId: number): Promise<PushResult> {
  const row = await ctx.db.selectFrom('client_mutation_outcomes').select('result')
    .where('client_id', '=', clientId).where('mutation_id', '=', mutationId).executeTakeFirst();
  return row ? (JSON.parse(row.result) as PushResult) : { mutationId, status: 'applied' };
}

function parseArgs(name: MutationName, args: unknown): never {
  return parseOrThrow(MUTATION_ARGS[name], args, `arguments for ${name}`) as never;
}
