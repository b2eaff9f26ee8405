/** The person search's place in the URL (`#/persons?q=…&dob=…`): what was searched, so Back returns to it. */
import { z } from 'zod';
import { DateOfBirthSchema } from '../../../domain/entities/person.ts';
import { PersonSearchInputSchema } from '../../../domain/ipc/person-channels.ts';

/** The name searched and the date of birth, if given; a value that does not fit is dropped, never an error page. */
export const PersonSearchParamsSchema = z.object({
  q: PersonSearchInputSchema.shape.text.optional().catch(undefined),
  dob: DateOfBirthSchema.optional().catch(undefined),
});

/** The person search's URL search, as validated. */
export type PersonSearchParams = z.infer<typeof PersonSearchParamsSchema>;

/** What the search form fills in: the offline search's own rules for the name and the date. */
export const PersonSearchFormSchema = z.object({
  text: PersonSearchInputSchema.shape.text,
  dateOfBirth: PersonSearchInputSchema.shape.dateOfBirth.nullable(),
});
