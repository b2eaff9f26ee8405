/** The audit actor and write environment of an HTTP request (the device as authenticate verified it). */
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.ts';
import { actorOf } from '../audit/audit-actor.ts';
import type { AuditActor } from '../audit/record-audit.ts';
import type { ServerContext } from '../server-context.ts';
import type { WriteEnv } from './person-access.ts';

/** The actor of an authenticated request, with its device when the desktop names one. */
export function requestActor(user: AuthUser, request: FastifyRequest): AuditActor {
  return actorOf(user, request);
}

/** The time and actor a write service records. */
export function requestEnv(ctx: ServerContext, user: AuthUser, request: FastifyRequest): WriteEnv {
  return { at: ctx.now(), actor: requestActor(user, request) };
}
