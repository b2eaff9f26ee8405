/** What "Add a place" asks for: a new address and why it matters to the case, by the routes' own rules. */
import type { z } from 'zod';
import { CaseLocationBodySchema } from '../../../domain/entities/case.ts';
import { CreateLocationBodySchema } from '../../../domain/entities/location.ts';

/** The address fields of `POST /locations` and the description of `POST /cases/:id/locations`. */
export const NewPlaceFormSchema = CreateLocationBodySchema.pick({ addressLine: true, town: true, postcode: true })
  .extend({ description: CaseLocationBodySchema.shape.description });

/** A new place as the form hands it over (postcode written the standard way). */
export type NewPlace = z.output<typeof NewPlaceFormSchema>;
