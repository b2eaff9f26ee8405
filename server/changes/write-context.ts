/**
 * Who is writing, from where and when: what every write service takes (cases, reports, tasks,
 * markers, persons, locations), whether the write comes from a route, a sync push or the seed.
 */
import type { FastifyRequest } from 'fastify';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { actorOf } from '../audit/audit-actor.ts';
import type { AuditActor } from '../audit/record-audit.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import type { ServerContext } from '../context/server-context.ts';

/** The caller of a write service: the policy user, the audit actor and the time of the write. */
export interface WriteContext {
  user: PolicyUser;
  actor: AuditActor;
  now: Date;
  /**
   * Work for after the transaction commits, given the server's data folder (a sync push collects it:
   * a deleted document's blob goes only once its deletion is committed).
   */
  afterCommit?: Array<(dataDir: string) => Promise<void>>;
}

/** The ISO time of the write. */
export function isoOf(w: WriteContext): string {
  return w.now.toISOString();
}

/** Builds the write context of an HTTP request (the device as authenticate verified it). */
export function writeContextOf(ctx: ServerContext, user: AuthUser, request: FastifyRequest): WriteContext {
  return { user, actor: actorOf(user, request), now: ctx.now() };
}
