/**
 * IPC channels for finding people and reading a person's profile: the offline copy first, and the
 * server's search-and-signpost when online (stubs for people whose cases the user cannot see).
 */
import { z } from 'zod';
import { DateOfBirthSchema, LikelyMatchSchema, PersonMatchBodySchema, PersonResultSchema } from '../entities/person.ts';
import { PersonSearchQuerySchema } from '../http/person-routes.ts';
import { IdSchema } from '../ids.ts';
import { CaseStatusSchema, CaseTypeSchema, RiskLevelSchema, SubjectRoleSchema } from '../vocabulary.ts';
import { CaseDetailViewSchema } from './case-detail-view.ts';
import { defineChannel } from './channel.ts';
import { PersonSearchResultSchema, SearchInputSchema } from './search-results.ts';

/** A name (or part of one), optionally narrowed to people born on a date (or in its year, for estimated births). */
export const PersonSearchInputSchema = SearchInputSchema.extend({ dateOfBirth: DateOfBirthSchema.optional() });
/** What a person search asks. */
export type PersonSearchInput = z.input<typeof PersonSearchInputSchema>;

/** One person from the offline copy: the minimal record, the cases the user sees them on, and the warnings on them. */
export const PersonProfileViewSchema = z.object({
  person: z.object({
    id: IdSchema,
    givenName: z.string(),
    familyName: z.string(),
    dateOfBirth: z.string().nullable(),
    estimatedBirthYear: z.number().int().nullable(),
    gender: z.string(),
    aliases: z.array(z.object({ givenName: z.string(), familyName: z.string() })),
  }),
  /** The cached cases the person is on, with their role in each, most recently updated first. */
  cases: z.array(z.object({
    caseId: IdSchema,
    reference: z.string(),
    title: z.string(),
    caseType: CaseTypeSchema,
    status: CaseStatusSchema,
    riskLevel: RiskLevelSchema,
    ownerAgencyName: z.string(),
    role: SubjectRoleSchema,
    updatedAt: z.string(),
  })),
  /** Warnings on the person that have not expired and that the user may see (staff safety first), as the case banner shows them. */
  markers: CaseDetailViewSchema.shape.markers,
});
/** A person's profile as the desktop shows it. */
export type PersonProfileView = z.infer<typeof PersonProfileViewSchema>;

/** The server's search-and-signpost answer: full records, minimal profiles, and stubs naming the agencies to ask. */
export const OnlinePersonSearchSchema = z.object({ results: z.array(PersonResultSchema) });
/** What the server found. */
export type OnlinePersonSearch = z.infer<typeof OnlinePersonSearchSchema>;

/** The server's duplicate check: likely existing matches, each full, profile or stub as the caller may see them. */
export const PersonMatchesSchema = z.object({ likelyMatches: z.array(LikelyMatchSchema) });
/** What the duplicate check found. */
export type PersonMatches = z.infer<typeof PersonMatchesSchema>;

export const personChannels = {
  /** Searches this computer's offline copy (names and aliases, FTS5 prefix and substring). */
  'persons.search': defineChannel({ input: PersonSearchInputSchema, output: PersonSearchResultSchema, needsSession: true }),
  /** One person from the offline copy; `not_found` when it is not there. */
  'persons.profile': defineChannel({ input: z.object({ personId: IdSchema }).strict(), output: PersonProfileViewSchema, needsSession: true }),
  /** The server's search (phonetic and alias aware), with stubs; `offline` (or a network error code) when it cannot be reached. */
  'persons.searchOnline': defineChannel({
    input: z.object({ text: PersonSearchQuerySchema.shape.q, dateOfBirth: DateOfBirthSchema.optional() }).strict(),
    output: OnlinePersonSearchSchema,
    needsSession: true,
  }),
  /** The server's duplicate check before recording a person (`POST /persons/match`); a network error code when offline. */
  'persons.matchOnline': defineChannel({ input: PersonMatchBodySchema, output: PersonMatchesSchema, needsSession: true }),
} as const;
