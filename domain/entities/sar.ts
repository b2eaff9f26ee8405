/** Subject access requests: the words shared by the database, the API and the desktop (docs/audit.md). */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';

export const SAR_STATUSES = ['open', 'closed'] as const;
/** Whether the receiving agency is still working on a request. */
export type SarStatus = (typeof SAR_STATUSES)[number];

export const SAR_REQUESTER_RELATIONS = ['data_subject', 'representative'] as const;
/** Who asked: the person themself, or someone acting for them with their authority. */
export type SarRequesterRelation = (typeof SAR_REQUESTER_RELATIONS)[number];

export { SAR_CONSULTATION_STATUSES, type SarConsultationStatus } from '../vocabulary.ts';

/** Grounds in the Data Protection Act 2018 on which an owner may withhold its part. */
export const SAR_EXEMPTIONS = [
  'crime_and_taxation', // Sch. 2 para. 2
  'legal_professional_privilege', // Sch. 2 para. 19
  'serious_harm_social_work', // Sch. 3 para. 7 (social work data)
  'serious_harm_health', // Sch. 3 para. 5 (health data)
  'other_individuals', // Sch. 2 paras. 16–17
] as const;
/** A ground for withholding. */
export type SarExemption = (typeof SAR_EXEMPTIONS)[number];

export const SAR_REDACTION_KINDS = ['third_party_name', 'record', 'text'] as const;
/** What a redaction covers: a third party's name, a whole record, or a passage. */
export type SarRedactionKind = (typeof SAR_REDACTION_KINDS)[number];

export const SAR_RECORD_TYPES = ['person', 'case', 'report', 'task', 'marker', 'document', 'dash_assessment', 'marac_referral'] as const;
/** The kinds of record a part holds. */
export type SarRecordType = (typeof SAR_RECORD_TYPES)[number];

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'a real calendar date');
const Text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** Logging a request. */
export const CreateSarBodySchema = z.object({
  personId: IdSchema,
  reference: Text(1, 60),
  receivedOn: DateSchema,
  requesterName: Text(1, 200),
  requesterRelation: z.enum(SAR_REQUESTER_RELATIONS),
  requesterContact: Text(1, 500),
}).strict();
export type CreateSarBody = z.infer<typeof CreateSarBodySchema>;

/** Extending a request once, by one or two months, with a reason. */
export const ExtendSarBodySchema = z.object({
  months: z.union([z.literal(1), z.literal(2)]),
  reason: Text(10, 2000),
  expectedVersion: z.number().int().min(1),
}).strict();

/** Closing a request once answered (or withdrawn), compare-and-set on its version. */
export const CloseSarBodySchema = z.object({ expectedVersion: z.number().int().min(1) }).strict();

/** How the records of a part are redacted before release (or before the receiving agency's bundle). */
export const SarRedactionsSchema = z.object({
  /** Third parties whose names are disclosed (consent, or already known to the requester); every other flagged name is redacted. */
  discloseThirdParties: z.array(z.object({ personId: IdSchema, reason: Text(10, 1000) }).strict()).max(200).default([]),
  /** Records left out of the part entirely. */
  omitRecords: z.array(z.object({ type: z.enum(SAR_RECORD_TYPES), id: IdSchema, reason: Text(10, 1000) }).strict()).max(1000).default([]),
  /** Passages replaced by "[redacted]" wherever they occur in the part. */
  redactTexts: z.array(z.object({ text: Text(2, 2000), reason: Text(10, 1000) }).strict()).max(200).default([]),
}).strict();
export type SarRedactions = z.infer<typeof SarRedactionsSchema>;

/** Withholding a part with an exemption. */
export const WithholdSarPartBodySchema = z.object({
  exemption: z.enum(SAR_EXEMPTIONS),
  reason: Text(10, 2000),
}).strict();

/**
 * One field of a record. `value` is as recorded: a code stays a code (`asb`, `open`, `victim`) so the
 * bundle's JSON is machine-readable; `text` is that code in words, which the screens and the PDF show.
 */
export const SarFieldSchema = z.object({ label: z.string(), value: z.string(), text: z.string().optional() });
export type SarField = z.infer<typeof SarFieldSchema>;

/** What a field shows a reader: its words where it is a code, else its value. */
export const sarFieldText = (field: SarField): string => field.text ?? field.value;

/** One record as it appears in a part: its kind, id, when, and printable fields in order. */
export const SarItemSchema = z.object({
  type: z.enum(SAR_RECORD_TYPES),
  id: IdSchema,
  at: z.string(),
  fields: z.array(SarFieldSchema),
});
export type SarItem = z.infer<typeof SarItemSchema>;

/** A third party flagged in a part: another person on the same records. */
export const SarThirdPartySchema = z.object({ personId: IdSchema, name: z.string(), redacted: z.boolean() });

/** One agency's part: the records it owns among what the receiving agency holds about the person. */
export const SarPartSchema = z.object({
  agency: z.object({ id: IdSchema, name: z.string() }),
  items: z.array(SarItemSchema),
  thirdParties: z.array(SarThirdPartySchema),
});
export type SarPart = z.infer<typeof SarPartSchema>;
