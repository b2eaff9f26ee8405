/** Builds the audit actor (who, which agency and team, from where) for a request. */
import type { FastifyRequest } from 'fastify';
import type { AuthUser } from '../auth/auth-user.ts';
import { requestDevice } from '../http/request-device.ts';
import type { AuditActor } from './record-audit.ts';

/**
 * The actor of an authenticated request; the team is recorded when the user belongs to exactly one,
 * the device as `authenticate` verified it (bound to the token, else named by the device header).
 */
export function actorOf(user: AuthUser, request: FastifyRequest, deviceId: string | null = requestDevice(request)): AuditActor {
  const [onlyTeam, ...otherTeams] = user.teamIds;
  return {
    userId: user.id,
    agencyId: user.agencyId,
    teamId: otherTeams.length === 0 ? (onlyTeam ?? null) : null,
    deviceId,
    ip: request.ip,
  };
}
