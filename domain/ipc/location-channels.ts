/** IPC channels over places (addresses) in the offline copy. */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { defineChannel } from './channel.ts';
import { SearchInputSchema } from './search-results.ts';

export const LocationSearchResultSchema = z.object({
  hits: z.array(z.object({
    id: IdSchema,
    /** "12 Marram Court, Riverton, RV2 9MC". */
    address: z.string(),
  })),
});
/** Places of the offline copy matching a search. */
export type LocationSearchResult = z.infer<typeof LocationSearchResultSchema>;

export const locationChannels = {
  /**
   * Places of the offline copy whose address, town or postcode holds the text anywhere (any case,
   * spaces in a postcode optional), by address; recorded as a search for the audit trail.
   */
  'locations.search': defineChannel({ input: SearchInputSchema, output: LocationSearchResultSchema, needsSession: true }),
} as const;
