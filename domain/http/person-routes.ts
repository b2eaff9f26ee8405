/** Persons (the golden nominal), aliases, identifiers, duplicate matches and merges. */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import {
  AliasInputSchema, CreatePersonBodySchema, DateOfBirthSchema, IdentifierInputSchema, LikelyMatchSchema,
  PersonMatchBodySchema, PersonRecordSchema, PersonResultSchema, UpdatePersonBodySchema,
} from '../entities/person.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

const Version = z.number().int().positive();

/** The server's person search: a name of at least two characters, optionally a date of birth. */
export const PersonSearchQuerySchema = z.object({ q: z.string().trim().min(2).max(100), dateOfBirth: DateOfBirthSchema.optional() }).strict();

export const personRoutes = {
  createPerson: defineRoute({
    method: 'POST', path: '/persons', auth: true, tag: 'persons',
    summary: "Create a person owned by the caller's agency; answers the likely existing duplicates the caller may know of",
    query: NoQuery, body: CreatePersonBodySchema,
    response: z.object({ person: PersonRecordSchema, likelyMatches: z.array(LikelyMatchSchema) }),
  }),
  matchPersons: defineRoute({
    method: 'POST', path: '/persons/match', auth: true, tag: 'persons',
    summary: 'Dry run of duplicate detection: the likely existing matches for a name and birth date, without creating',
    query: NoQuery, body: PersonMatchBodySchema, response: z.object({ likelyMatches: z.array(LikelyMatchSchema) }),
  }),
  searchPersons: defineRoute({
    method: 'GET', path: '/persons/search', auth: true, tag: 'persons',
    summary: 'Search and signpost: full records the caller may see, stubs naming the involved agencies otherwise',
    query: PersonSearchQuerySchema,
    body: NoBody, response: z.object({ results: z.array(PersonResultSchema) }),
  }),
  getPerson: defineRoute({
    method: 'GET', path: '/persons/:id', auth: true, tag: 'persons', summary: 'One person, full view only (the view is audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: PersonRecordSchema,
  }),
  updatePerson: defineRoute({
    method: 'PATCH', path: '/persons/:id', auth: true, tag: 'persons',
    summary: "Change a person's identity fields (owner agency; compare-and-set on expectedVersion)",
    params: IdParams, query: NoQuery, body: UpdatePersonBodySchema, response: PersonRecordSchema,
  }),
  addPersonAlias: defineRoute({
    method: 'POST', path: '/persons/:id/aliases', auth: true, tag: 'persons', summary: 'Add an alias (owner agency)',
    params: IdParams, query: NoQuery, body: AliasInputSchema, response: PersonRecordSchema,
  }),
  removePersonAlias: defineRoute({
    method: 'DELETE', path: '/persons/:id/aliases/:aliasId', auth: true, tag: 'persons', summary: 'Remove an alias (owner agency)',
    params: z.object({ id: IdSchema, aliasId: IdSchema }), query: NoQuery, body: NoBody, response: PersonRecordSchema,
  }),
  addPersonIdentifier: defineRoute({
    method: 'POST', path: '/persons/:id/identifiers', auth: true, tag: 'persons',
    summary: "Record a restricted identifier, visible only to the caller's agency",
    params: IdParams, query: NoQuery, body: IdentifierInputSchema, response: PersonRecordSchema,
  }),
  transferPerson: defineRoute({
    method: 'POST', path: '/persons/:id/transfer', auth: true, tag: 'persons',
    summary: 'Transfer ownership of a person to another agency (owner agency team manager or admin)',
    params: IdParams, query: NoQuery,
    body: z.object({ toAgencyId: IdSchema, expectedVersion: Version }).strict(),
    response: z.object({ id: IdSchema, ownerAgencyId: IdSchema, version: Version }),
  }),
  mergePersons: defineRoute({
    method: 'POST', path: '/persons/merge', auth: true, tag: 'persons',
    summary: 'Merge a duplicate person into another (data officers; justified and audited)',
    query: NoQuery,
    body: z.object({
      keepId: IdSchema, mergeId: IdSchema,
      expectedVersions: z.object({ keep: Version, merge: Version }).strict(),
      justification: z.string().trim().min(10).max(2000),
    }).strict().refine((v) => v.keepId !== v.mergeId, { message: 'A person cannot be merged into itself', path: ['mergeId'] }),
    response: z.object({
      kept: z.object({ id: IdSchema, displayName: z.string(), version: Version }),
      mergedId: IdSchema,
      movedCaseSubjects: z.number().int().nonnegative(),
    }),
  }),
} as const;
