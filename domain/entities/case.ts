/** Wire shapes of cases and their parts (subjects, links, locations) as the case API serves them. */
import { z } from 'zod';
import { CaseRecordSchema } from '../entities.ts';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { CaseStatusSchema, CaseTypeSchema, RiskLevelSchema, SharingLevelSchema, SubjectRoleSchema } from '../vocabulary.ts';
import { MIN_REASON_LENGTH } from './access-request.ts';
import { MarkerRecordSchema } from './marker.ts';

export const CaseAbilitiesSchema = z.object({
  read: z.boolean(), update: z.boolean(), share: z.boolean(), close: z.boolean(), transfer: z.boolean(),
  add_report: z.boolean(), add_task: z.boolean(), add_document: z.boolean(), link: z.boolean(),
});

export const CaseSummarySchema = CaseRecordSchema.extend({
  sharedTeamIds: z.array(IdSchema),
  sharedUserIds: z.array(IdSchema),
  hiddenFromSearch: z.boolean(),
  abilities: CaseAbilitiesSchema,
});
/** A case with its named shares and the caller's abilities. */
export type CaseSummary = z.infer<typeof CaseSummarySchema>;

export const CaseSubjectRecordSchema = z.object({
  id: IdSchema,
  personId: IdSchema,
  role: SubjectRoleSchema,
  /** Present only when the caller sees the full person record. */
  displayName: z.string().optional(),
  createdAt: TimestampSchema,
});

export const CaseLinkRecordSchema = z.object({
  id: IdSchema, linkedCaseId: IdSchema, reference: z.string(), title: z.string(), reason: z.string(), createdAt: TimestampSchema,
});

export const CaseLocationRecordSchema = z.object({
  id: IdSchema, locationId: IdSchema, description: z.string(), addressLine: z.string(), town: z.string(), postcode: z.string(),
  createdAt: TimestampSchema,
});

export const CaseDetailSchema = CaseSummarySchema.extend({
  subjects: z.array(CaseSubjectRecordSchema),
  /** Links to cases the caller may see; the others are left out. */
  links: z.array(CaseLinkRecordSchema),
  locations: z.array(CaseLocationRecordSchema),
  /** Active markers on the case, its subjects and its locations that the caller may see (the banner). */
  markers: z.array(MarkerRecordSchema),
});
/** One case with everything the case screen shows. */
export type CaseDetail = z.infer<typeof CaseDetailSchema>;

const Text = (max: number) => z.string().trim().min(1).max(max);

/** The longest closure reason a case takes (the API, offline changes and the case screen's text box). */
export const CLOSURE_REASON_MAX_LENGTH = 500;

export const CaseListQuerySchema = z.object({
  status: CaseStatusSchema.optional(),
  caseType: z.string().min(1).max(64).optional(),
  riskLevel: RiskLevelSchema.optional(),
  q: z.string().trim().min(1).max(100).optional(),
  ownerAgencyId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque keyset cursor from the previous page's `nextCursor`. */
  cursor: z.string().max(200).optional(),
}).strict();

export const CaseListSchema = z.object({ cases: z.array(CaseSummarySchema), nextCursor: z.string().nullable() });

export const CreateCaseBodySchema = z.object({
  reference: z.string().trim().min(3).max(40).regex(/^[A-Za-z0-9-]+$/).optional(),
  title: Text(200),
  /** One of the `case_types` rows still in use: the server checks the table (a retired type is refused). */
  caseType: CaseTypeSchema,
  riskLevel: RiskLevelSchema.default('medium'),
  reviewDate: z.iso.date().nullable().default(null),
  ownerTeamId: IdSchema.nullable().optional(),
  sharingLevel: SharingLevelSchema.default('owner_agency'),
  hiddenFromSearch: z.boolean().default(false),
}).strict();
/** What a new case needs. */
export type CreateCaseBody = z.infer<typeof CreateCaseBodySchema>;

export const PatchCaseBodySchema = z.object({
  title: Text(200).optional(),
  reviewDate: z.iso.date().nullable().optional(),
  riskLevel: RiskLevelSchema.optional(),
  status: CaseStatusSchema.optional(),
  closureReason: Text(CLOSURE_REASON_MAX_LENGTH).nullable().optional(),
  /** Required when changing risk level, status or closure reason (compare-and-set). */
  expectedVersion: z.number().int().positive().optional(),
}).strict();
/** A change to a case's fields. */
export type PatchCaseBody = z.infer<typeof PatchCaseBodySchema>;

export const CaseSharingBodySchema = z.object({
  sharingLevel: SharingLevelSchema,
  agencyIds: z.array(IdSchema).max(100).default([]),
  teamIds: z.array(IdSchema).max(200).default([]),
  userIds: z.array(IdSchema).max(500).default([]),
  hiddenFromSearch: z.boolean(),
  expectedVersion: z.number().int().positive(),
}).strict();
/** Who may see a case: the whole sharing state, replaced at once. */
export type CaseSharingBody = z.infer<typeof CaseSharingBodySchema>;

export const CaseTransferBodySchema = z.object({
  toAgencyId: IdSchema,
  toTeamId: IdSchema.nullable().optional(),
  expectedVersion: z.number().int().positive(),
}).strict();
/** A transfer of ownership to another agency (and team). */
export type CaseTransferBody = z.infer<typeof CaseTransferBodySchema>;

export const CaseSubjectBodySchema = z.object({ personId: IdSchema, role: SubjectRoleSchema }).strict();
/**
 * Adding a person to a case. `reason` is required when the caller sees the person only as a
 * search stub or minimal profile (docs/access.md: attaching is a combination, audited with it).
 */
export const AddCaseSubjectBodySchema = CaseSubjectBodySchema.extend({ reason: z.string().trim().min(MIN_REASON_LENGTH).max(500).optional() }).strict();
export const CaseLinkBodySchema = z.object({ linkedCaseId: IdSchema, reason: Text(500) }).strict();
export const CaseLocationBodySchema = z.object({ locationId: IdSchema, description: Text(500) }).strict();
