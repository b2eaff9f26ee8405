/** Wire shapes of locations: premises and places of concern (docs/domain-model.md). */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';

/** A UK postcode, loosely checked and written upper case with one space ("ab1 2cd" → "AB1 2CD"). */
export const PostcodeSchema = z.string().trim()
  .transform((v) => v.toUpperCase().replace(/\s+/g, ''))
  .refine((v) => /^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(v), 'Not a UK postcode')
  .transform((v) => `${v.slice(0, -3)} ${v.slice(-3)}`);

const fields = {
  addressLine: z.string().trim().min(1).max(200),
  town: z.string().trim().min(1).max(100),
  postcode: PostcodeSchema,
  uprn: z.string().regex(/^\d{1,12}$/, 'A UPRN is up to 12 digits').nullable(),
  latitude: z.number().min(-90).max(90).nullable(),
  longitude: z.number().min(-180).max(180).nullable(),
};

export const LocationAbilitiesSchema = z.object({ update: z.boolean() });
/** What the caller may do with a location. */
export type LocationAbilities = z.infer<typeof LocationAbilitiesSchema>;

export const LocationRecordSchema = z.object({
  id: IdSchema,
  addressLine: z.string(),
  town: z.string(),
  postcode: z.string(),
  uprn: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  ownerAgencyId: IdSchema,
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().positive(),
  abilities: LocationAbilitiesSchema,
});
/** A location as the API returns it to a caller who may see it. */
export type LocationRecord = z.infer<typeof LocationRecordSchema>;

export const CreateLocationBodySchema = z.object({
  addressLine: fields.addressLine, town: fields.town, postcode: fields.postcode,
  uprn: fields.uprn.optional(), latitude: fields.latitude.optional(), longitude: fields.longitude.optional(),
}).strict();
/** A new location, owned by the caller's agency. */
export type CreateLocationBody = z.infer<typeof CreateLocationBodySchema>;

export const UpdateLocationBodySchema = z.object({
  expectedVersion: z.number().int().positive(),
  addressLine: fields.addressLine.optional(), town: fields.town.optional(), postcode: fields.postcode.optional(),
  uprn: fields.uprn.optional(), latitude: fields.latitude.optional(), longitude: fields.longitude.optional(),
}).strict().refine((v) => Object.keys(v).length > 1, { message: 'Nothing to change' });
/** A change to a location, compare-and-set on `expectedVersion`. */
export type UpdateLocationBody = z.infer<typeof UpdateLocationBodySchema>;
