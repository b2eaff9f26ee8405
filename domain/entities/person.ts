/** Wire shapes of the golden nominal (docs/domain-model.md): a person as full record, as search stub, and their inputs. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { GenderSchema } from '../vocabulary.ts';

// The gender words live with the glossary, so domain/marac can use them without importing entities.
export { GENDERS, GenderSchema, type Gender } from '../vocabulary.ts';

export const CONSENT_STATUSES = ['given', 'refused', 'not_sought', 'not_required_legal_basis'] as const;
/** Whether the person consented to information sharing, or the legal basis that makes consent unnecessary. */
export type ConsentStatus = (typeof CONSENT_STATUSES)[number];
export const ConsentStatusSchema = z.enum(CONSENT_STATUSES);

export const IDENTIFIER_SCHEMES = ['police_nominal_id', 'nhs_number', 'national_insurance', 'other'] as const;
/** The kind of a restricted identifier. */
export type IdentifierScheme = (typeof IDENTIFIER_SCHEMES)[number];
export const IdentifierSchemeSchema = z.enum(IDENTIFIER_SCHEMES);
/** The scheme of a person's identifier in words (the subject access bundle prints them). */
export const IDENTIFIER_SCHEME_LABELS: Record<IdentifierScheme, string> = {
  police_nominal_id: 'Police nominal ID',
  nhs_number: 'NHS number',
  national_insurance: 'National Insurance number',
  other: 'Other identifier',
};

const NamePart = z.string().trim().min(1).max(100);
/** A calendar date of birth, not before 1900 (the server also refuses future dates). */
export const DateOfBirthSchema = z.iso.date().refine((d) => d >= '1900-01-01', 'Date of birth is before 1900');
export const BirthYearSchema = z.number().int().min(1900).max(2200);

export const AliasInputSchema = z.object({ givenName: NamePart, familyName: NamePart }).strict();
export const IdentifierInputSchema = z.object({ scheme: IdentifierSchemeSchema, value: z.string().trim().min(1).max(64) }).strict();

export const PersonAbilitiesSchema = z.object({
  update: z.boolean(), transfer: z.boolean(), addAlias: z.boolean(), addIdentifier: z.boolean(), requestAccess: z.boolean(),
});
/** What the caller may do with a person. */
export type PersonAbilities = z.infer<typeof PersonAbilitiesSchema>;

export const PersonRecordSchema = z.object({
  id: IdSchema,
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.iso.date().nullable(),
  estimatedBirthYear: z.number().int().nullable(),
  gender: GenderSchema,
  /** Absent in the minimal profile (a person the caller attached from a stub). */
  consentStatus: ConsentStatusSchema.optional(),
  ownerAgencyId: IdSchema,
  aliases: z.array(z.object({ id: IdSchema, givenName: z.string(), familyName: z.string() })),
  /** Only the identifiers the caller's agency recorded; always empty in the minimal profile. */
  identifiers: z.array(z.object({ id: IdSchema, scheme: IdentifierSchemeSchema, value: z.string() })),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().positive(),
  abilities: PersonAbilitiesSchema,
});
/** The person record: in full for a caller whose view is `full`, the minimal profile (no consent status, no identifiers) for `profile`. */
export type PersonRecord = z.infer<typeof PersonRecordSchema>;

export const PersonStubSchema = z.object({
  id: IdSchema,
  displayName: z.string(),
  yearOfBirth: z.number().int().nullable(),
  involvedAgencies: z.array(z.object({ id: IdSchema, name: z.string() })),
  requestAccess: z.literal(true),
});
/** Search and signpost: who the person is and which agencies to ask, without any content. */
export type PersonStub = z.infer<typeof PersonStubSchema>;

/** A person as search or matching returns them: full or stub by the caller's view. */
export const PersonResultSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('full'), person: PersonRecordSchema }),
  z.object({ view: z.literal('profile'), person: PersonRecordSchema }),
  z.object({ view: z.literal('stub'), person: PersonStubSchema }),
]);
export type PersonResult = z.infer<typeof PersonResultSchema>;

export const MatchReasonSchema = z.enum([
  'same_family_name_sound', 'same_given_name_sound', 'similar_name', 'alias', 'names_swapped',
  'same_date_of_birth', 'day_month_swapped', 'birth_year_within_estimate', 'same_year_of_birth',
  'different_date_of_birth', 'no_date_of_birth_to_compare', 'different_gender',
]);

export const LikelyMatchSchema = z.discriminatedUnion('view', [
  z.object({ view: z.literal('full'), score: z.number(), reasons: z.array(MatchReasonSchema), person: PersonRecordSchema }),
  z.object({ view: z.literal('profile'), score: z.number(), reasons: z.array(MatchReasonSchema), person: PersonRecordSchema }),
  z.object({ view: z.literal('stub'), score: z.number(), reasons: z.array(MatchReasonSchema), person: PersonStubSchema }),
]);
/** An existing person who is probably the same real person as the one being entered. */
export type LikelyMatch = z.infer<typeof LikelyMatchSchema>;

const birthFields = {
  dateOfBirth: DateOfBirthSchema.optional(),
  estimatedBirthYear: BirthYearSchema.optional(),
};
const oneBirthField = (v: { dateOfBirth?: string | undefined; estimatedBirthYear?: number | undefined }) =>
  v.dateOfBirth === undefined || v.estimatedBirthYear === undefined;
const BOTH_BIRTH = { message: 'Give a date of birth or an estimated birth year, not both', path: ['estimatedBirthYear'] };

export const PersonMatchBodySchema = z.object({
  givenName: NamePart, familyName: NamePart, ...birthFields,
  gender: GenderSchema.optional(),
  aliases: z.array(AliasInputSchema).max(20).default([]),
}).strict().refine(oneBirthField, BOTH_BIRTH);
/** The names and birth date a duplicate check compares. */
export type PersonMatchBody = z.infer<typeof PersonMatchBodySchema>;

export const CreatePersonBodySchema = z.object({
  givenName: NamePart, familyName: NamePart, ...birthFields,
  gender: GenderSchema,
  consentStatus: ConsentStatusSchema,
  aliases: z.array(AliasInputSchema).max(20).default([]),
  identifiers: z.array(IdentifierInputSchema).max(10).default([]),
}).strict().refine(oneBirthField, BOTH_BIRTH);
/** A new person. */
export type CreatePersonBody = z.infer<typeof CreatePersonBodySchema>;

export const UpdatePersonBodySchema = z.object({
  expectedVersion: z.number().int().positive(),
  givenName: NamePart.optional(),
  familyName: NamePart.optional(),
  dateOfBirth: DateOfBirthSchema.nullable().optional(),
  estimatedBirthYear: BirthYearSchema.nullable().optional(),
  gender: GenderSchema.optional(),
  consentStatus: ConsentStatusSchema.optional(),
}).strict().refine((v) => Object.keys(v).length > 1, { message: 'Nothing to change' });
/** A change to a person's plain fields, compare-and-set on `expectedVersion`. */
export type UpdatePersonBody = z.infer<typeof UpdatePersonBodySchema>;
