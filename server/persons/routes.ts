/** Registers the persons routes declared in domain/http: reads, duplicate matching and search-and-signpost. */
import type { FastifyInstance } from 'fastify';
import { routes } from '../../domain/http/routes.ts';
import { searchRelevance } from '../../domain/persons/search-relevance.ts';
import { ESTIMATE_TOLERANCE_YEARS } from '../../domain/persons/rank-person-matches.ts';
import { seesPersonRecord } from '../../domain/policy/person-policy.ts';
import { actorOf } from '../audit/audit-actor.ts';
import { recordAuditNow } from '../audit/record-audit.ts';
import { registerRoute } from '../http/register-route.ts';
import type { ServerContext } from '../context/server-context.ts';
import { matchPersons } from './match-persons.ts';
import { loadPersonRecord } from './person-access.ts';
import { aliasesOf, searchPersonRows } from './person-queries.ts';
import { toPersonRecords, toPersonResults, viewPersons, yearOfBirth, type ViewedPerson } from './person-record.ts';
import { registerPersonWriteRoutes } from './write-routes.ts';

/** At most this many search results. */
const SEARCH_LIMIT = 25;

/** Registers the persons routes. */
export function registerPersonRoutes(app: FastifyInstance, ctx: ServerContext): void {
  registerRoute(app, ctx, routes.getPerson, async ({ params, user, request }) => {
    const at = ctx.now();
    const audit = (outcome: 'success' | 'denied') => recordAuditNow(ctx.db, {
      actor: actorOf(user, request), action: 'record.view', entityType: 'person', entityId: params.id, outcome, at,
    });
    try {
      const viewed = await loadPersonRecord(ctx.db, user, at.toISOString(), params.id);
      const record = (await toPersonRecords(ctx.db, user, [viewed])).get(viewed.row.id)!;
      await audit('success');
      return record;
    } catch (error) {
      await audit('denied');
      throw error;
    }
  });

  registerRoute(app, ctx, routes.matchPersons, async ({ body, user, request }) => {
    const at = ctx.now();
    const candidate = { ...body, dateOfBirth: body.dateOfBirth ?? null, estimatedBirthYear: body.estimatedBirthYear ?? null, gender: body.gender ?? null };
    const likelyMatches = await matchPersons(ctx.db, user, at.toISOString(), candidate);
    await recordAuditNow(ctx.db, {
      actor: actorOf(user, request), action: 'record.search', entityType: 'person', outcome: 'success', at,
      details: { kind: 'duplicate_check', terms: { givenName: body.givenName, familyName: body.familyName, dateOfBirth: body.dateOfBirth ?? null,
        estimatedBirthYear: body.estimatedBirthYear ?? null, aliases: body.aliases }, returned: likelyMatches.map((m) => m.person.id) },
    });
    return { likelyMatches };
  });

  registerRoute(app, ctx, routes.searchPersons, async ({ query, user, request }) => {
    const at = ctx.now();
    const rows = await searchPersonRows(ctx.db, user, at.toISOString(), query.q);
    const viewed = (await viewPersons(ctx.db, user, at.toISOString(), rows)).filter((p) => p.view !== 'none');
    const aliases = await aliasesOf(ctx.db, viewed.map((p) => p.row.id));
    const scored = viewed
      .filter((p) => query.dateOfBirth === undefined || birthFits(p, query.dateOfBirth))
      .map((p) => ({ p, score: searchRelevance(query.q, [{ givenName: p.row.given_name, familyName: p.row.family_name }, ...(aliases.get(p.row.id) ?? [])]) }))
      .filter((s): s is { p: ViewedPerson; score: number } => s.score !== null)
      .sort((a, b) => b.score - a.score || a.p.row.family_name.localeCompare(b.p.row.family_name) || a.p.row.id.localeCompare(b.p.row.id))
      .slice(0, SEARCH_LIMIT);
    const results = await toPersonResults(ctx.db, user, scored.map((s) => s.p));
    await recordAuditNow(ctx.db, {
      actor: actorOf(user, request), action: 'record.search', entityType: 'person', outcome: 'success', at,
      details: { terms: { q: query.q, dateOfBirth: query.dateOfBirth ?? null }, returned: results.map((r) => ({ id: r.id, view: r.view })) },
    });
    return { results };
  });

  registerPersonWriteRoutes(app, ctx);
}

/**
 * Whether a person fits a searched date of birth. Full records and minimal profiles compare the whole date (or an
 * estimated year within tolerance); stubs compare the year only, so a search cannot probe the
 * day and month of someone the caller may not see.
 */
function birthFits(p: ViewedPerson, dateOfBirth: string): boolean {
  const year = Number(dateOfBirth.slice(0, 4));
  const record = seesPersonRecord(p.view);
  if (record && p.row.date_of_birth !== null) {
    return p.row.date_of_birth === dateOfBirth;
  }
  const known = yearOfBirth(p.row);
  if (known === null) {
    return false;
  }
  return record || p.row.date_of_birth === null ? Math.abs(known - year) <= ESTIMATE_TOLERANCE_YEARS : known === year;
}
