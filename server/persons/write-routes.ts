/** Registers the persons write routes: create (with likely matches), update, aliases, identifiers, transfer, merge. */
import type { FastifyInstance } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import type { PersonRecord } from '../../domain/entities/person.ts';
import { routes } from '../../domain/http/routes.ts';
import type { AuthUser } from '../auth/auth-user.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { writeContextOf } from '../changes/write-context.ts';
import { withWrite } from '../db/write.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { createPerson } from './create-person.ts';
import { matchPersons } from './match-persons.ts';
import { mergePersons } from './merge-persons.ts';
import { loadFullPerson } from './person-access.ts';
import { addPersonAlias, addPersonIdentifier, removePersonAlias } from './person-details.ts';
import { toPersonRecords } from './person-record.ts';
import { transferPerson } from './transfer-person.ts';
import { updatePerson } from './update-person.ts';

/** The caller's full record of a person after a change. */
async function answer(ctx: ServerContext, user: AuthUser, id: string): Promise<PersonRecord> {
  const { row } = await loadFullPerson(ctx.db, user, ctx.now().toISOString(), id);
  return (await toPersonRecords(ctx.db, user, [{ row, view: 'full', policy: { ownerAgencyId: row.owner_agency_id, cases: [] } }])).get(id)!;
}

/** Registers the write routes. */
export function registerPersonWriteRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.createPerson, async ({ body, user, request }) => {
    const w = writeContextOf(ctx, user, request);
    const id = await withWrite(ctx, (trx) => createPerson(trx, w, body));
    const likelyMatches = await matchPersons(ctx.db, user, w.now.toISOString(), {
      ...body, dateOfBirth: body.dateOfBirth ?? null, estimatedBirthYear: body.estimatedBirthYear ?? null,
    }, id);
    await recordAuditNow(ctx.db, {
      actor: w.actor, action: 'record.search', entityType: 'person', entityId: id, outcome: 'success', at: w.now,
      details: { kind: 'duplicate_check', returned: likelyMatches.map((m) => m.person.id) },
    });
    return { person: await answer(ctx, user, id), likelyMatches };
  });

  registerRoute(app, ctx, routes.updatePerson, async ({ params, body, user, request }) => {
    await withWrite(ctx, (trx) => updatePerson(trx, writeContextOf(ctx, user, request), params.id, body));
    return answer(ctx, user, params.id);
  });

  registerRoute(app, ctx, routes.addPersonAlias, async ({ params, body, user, request }) => {
    await withWrite(ctx, (trx) => addPersonAlias(trx, writeContextOf(ctx, user, request), params.id, body));
    return answer(ctx, user, params.id);
  });

  registerRoute(app, ctx, routes.removePersonAlias, async ({ params, user, request }) => {
    await withWrite(ctx, (trx) => removePersonAlias(trx, writeContextOf(ctx, user, request), params.id, params.aliasId));
    return answer(ctx, user, params.id);
  });

  registerRoute(app, ctx, routes.addPersonIdentifier, async ({ params, body, user, request }) => {
    await withWrite(ctx, (trx) => addPersonIdentifier(trx, writeContextOf(ctx, user, request), params.id, body));
    return answer(ctx, user, params.id);
  });

  registerRoute(app, ctx, routes.transferPerson, async ({ params, body, user, request }) => {
    const version = await withWrite(ctx, (trx) => transferPerson(trx, writeContextOf(ctx, user, request), params.id, body.toAgencyId, body.expectedVersion));
    return { id: params.id, ownerAgencyId: body.toAgencyId, version };
  });

  registerRoute(app, ctx, routes.mergePersons, async ({ body, user, request }) => {
    try {
      return await withWrite(ctx, (trx) => mergePersons(trx, writeContextOf(ctx, user, request), body));
    } catch (error) {
      // A refused merge attempt is itself evidence for the data officer's trail.
      await recordAuditNow(ctx.db, {
        actor: actorOf(user, request), action: 'record.merge', entityType: 'person', entityId: body.keepId,
        outcome: error instanceof CodedError && (error.code === 'authorization_error' || error.code === 'not_found') ? 'denied' : 'failure',
        at: ctx.now(), justification: body.justification, details: { keptId: body.keepId, mergedId: body.mergeId },
      });
      throw error;
    }
  });
}
