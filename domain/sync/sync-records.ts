/**
 * The record shapes that travel through sync (docs/sync.md). Minimal sync shapes; each carries
 * the caller's abilities (docs/access.md) so the desktop shows the right actions offline.
 */
import { z } from 'zod';
import { CaseRecordSchema } from '../entities.ts';
import { CaseAbilitiesSchema } from '../entities/case.ts';
import { DocumentAbilitiesSchema } from '../entities/document.ts';
import { LocationAbilitiesSchema, LocationRecordSchema } from '../entities/location.ts';
import { GenderSchema, PersonAbilitiesSchema } from '../entities/person.ts';
import { IdSchema, TimestampSchema } from '../ids.ts';
import {
  MarkerSubjectTypeSchema, MarkerTypeSchema, ReportKindSchema, ReportSharingLevelSchema, SubjectRoleSchema, TaskStatusSchema,
} from '../vocabulary.ts';

const Version = z.number().int().positive();

/** A case as sync serves it; `abilities` is caseAbilities(user, case) for the puller. */
export const SyncCaseSchema = CaseRecordSchema.extend({ abilities: CaseAbilitiesSchema.optional() });
/** A case the user may see. */
export type SyncCase = z.infer<typeof SyncCaseSchema>;

export const SyncPersonSchema = z.object({
  id: IdSchema,
  givenName: z.string(),
  familyName: z.string(),
  dateOfBirth: z.iso.date().nullable(),
  estimatedBirthYear: z.number().int().nullable(),
  gender: GenderSchema,
  aliases: z.array(z.object({ givenName: z.string(), familyName: z.string() })),
  abilities: PersonAbilitiesSchema.optional(),
});
/** A person the user sees in full (stubs never travel through sync). */
export type SyncPerson = z.infer<typeof SyncPersonSchema>;

export const SyncCaseSubjectSchema = z.object({
  id: IdSchema, caseId: IdSchema, personId: IdSchema, role: SubjectRoleSchema, createdAt: TimestampSchema,
});
/** A person's part in a case. */
export type SyncCaseSubject = z.infer<typeof SyncCaseSubjectSchema>;

/** A location as sync serves it (the address the user may see); `abilities` is locationAbilities(user, location). */
export const SyncLocationSchema = LocationRecordSchema.extend({ abilities: LocationAbilitiesSchema.optional() });
/** A location the user may see: owned by their agency, or at a case they may see. */
export type SyncLocation = z.infer<typeof SyncLocationSchema>;

export const SyncCaseLocationSchema = z.object({
  id: IdSchema, caseId: IdSchema, locationId: IdSchema, description: z.string(), createdAt: TimestampSchema,
});
/** A location's part in a case (why the place matters to it). */
export type SyncCaseLocation = z.infer<typeof SyncCaseLocationSchema>;

export const SyncReportSchema = z.object({
  id: IdSchema, caseId: IdSchema, kind: ReportKindSchema, title: z.string(), body: z.string(),
  authorUserId: IdSchema, authorAgencyId: IdSchema, authorTeamId: IdSchema.nullable(),
  sharingLevel: ReportSharingLevelSchema, createdAt: TimestampSchema, updatedAt: TimestampSchema, version: Version,
  abilities: z.object({ read: z.boolean(), update: z.boolean() }).optional(),
});
/** A report the user may read. */
export type SyncReport = z.infer<typeof SyncReportSchema>;

export const SyncTaskSchema = z.object({
  id: IdSchema, caseId: IdSchema, title: z.string(), description: z.string(),
  assigneeAgencyId: IdSchema, assigneeTeamId: IdSchema.nullable(), assigneeUserId: IdSchema.nullable(),
  dueDate: z.iso.date().nullable(), status: TaskStatusSchema, createdBy: IdSchema,
  createdAt: TimestampSchema, updatedAt: TimestampSchema, version: Version,
  /** The whole (append-only) updates thread, oldest first. */
  updates: z.array(z.object({ id: IdSchema, authorUserId: IdSchema, body: z.string(), createdAt: TimestampSchema })),
  abilities: z.object({ update: z.boolean() }).optional(),
});
/** A task with its updates. */
export type SyncTask = z.infer<typeof SyncTaskSchema>;

export const SyncMarkerSchema = z.object({
  id: IdSchema, subjectType: MarkerSubjectTypeSchema, subjectId: IdSchema, markerType: MarkerTypeSchema,
  description: z.string(), ownerAgencyId: IdSchema, reviewDate: z.iso.date(), expiresAt: TimestampSchema.nullable(),
  createdAt: TimestampSchema, updatedAt: TimestampSchema, version: Version,
  /** Only the owner agency's users may change a marker. */
  abilities: z.object({ update: z.boolean() }).optional(),
});
/** A warning marker on a case, person or location. */
export type SyncMarker = z.infer<typeof SyncMarkerSchema>;

export const SyncAccessRequestSchema = z.object({
  id: IdSchema, resourceType: z.string(), resourceId: IdSchema, ownerAgencyId: IdSchema,
  requesterUserId: IdSchema, requesterAgencyId: IdSchema, reason: z.string(), status: z.string(),
  decidedBy: IdSchema.nullable(), decidedAt: TimestampSchema.nullable(), decisionNote: z.string().nullable(),
  grantExpiresAt: TimestampSchema.nullable(), createdAt: TimestampSchema, version: Version,
  abilities: z.object({ decide: z.boolean() }).optional(),
});
/** An access request the user made or decides on. */
export type SyncAccessRequest = z.infer<typeof SyncAccessRequestSchema>;

export const SyncDocumentSchema = z.object({
  id: IdSchema, caseId: IdSchema, reportId: IdSchema.nullable(), fileName: z.string(), contentType: z.string(),
  sizeBytes: z.number().int().nonnegative(), sha256: z.string(), ownerAgencyId: IdSchema, ownerTeamId: IdSchema.nullable(),
  uploadedBy: IdSchema, sharingLevel: z.string(), createdAt: TimestampSchema,
  abilities: DocumentAbilitiesSchema.optional(),
});
/** A document's metadata (the content is downloaded separately, and audited). */
export type SyncDocument = z.infer<typeof SyncDocumentSchema>;
