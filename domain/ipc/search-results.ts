/** What the renderer receives from the cache's text searches. */
import { z } from 'zod';
import { QueueRowSchema } from './queue-page.ts';

export const PersonHitSchema = z.object({
  id: z.uuid(),
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.string().nullable(),
  estimatedBirthYear: z.number().int().nullable(),
  gender: z.string(),
  aliases: z.array(z.object({ givenName: z.string(), familyName: z.string() })),
});
export const PersonSearchResultSchema = z.object({ hits: z.array(PersonHitSchema), truncated: z.boolean() });
/** Persons found by name; `truncated` when more matched than were ranked (type more of the name). */
export type PersonSearchResult = z.infer<typeof PersonSearchResultSchema>;

export const CaseSearchResultSchema = z.object({
  hits: z.array(QueueRowSchema.extend({ matchedIn: z.enum(['case', 'report']) })),
  truncated: z.boolean(),
});
/** Cases found by text in the case or its reports. */
export type CaseSearchResult = z.infer<typeof CaseSearchResultSchema>;

/** The input of both searches. */
export const SearchInputSchema = z.object({ text: z.string().trim().min(1).max(200), limit: z.number().int().min(1).max(100).default(50) });
