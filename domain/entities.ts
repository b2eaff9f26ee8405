/** Wire shapes of the records the API serves and the desktop caches. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './ids.ts';
import { AgencyKindSchema, CaseStatusSchema, CaseTypeSchema, RiskLevelSchema, RoleSchema, SharingLevelSchema } from './vocabulary.ts';

export const AgencySchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  kind: AgencyKindSchema,
  code: z.string().min(2).max(16),
});
/** An organisation: police force, council, housing provider, charity … */
export type Agency = z.infer<typeof AgencySchema>;

export const SessionUserSchema = z.object({
  id: IdSchema,
  username: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  agencyId: IdSchema,
  agencyName: z.string(),
  teamIds: z.array(IdSchema),
});
/** The signed-in user as the API and the desktop describe them (no secrets). */
export type SessionUser = z.infer<typeof SessionUserSchema>;

export const CaseRecordSchema = z.object({
  id: IdSchema,
  reference: z.string(),
  title: z.string(),
  caseType: CaseTypeSchema,
  status: CaseStatusSchema,
  closureReason: z.string().nullable(),
  riskLevel: RiskLevelSchema,
  reviewDate: z.iso.date().nullable(),
  ownerAgencyId: IdSchema,
  ownerTeamId: IdSchema.nullable(),
  ownerUserId: IdSchema.nullable(),
  sharingLevel: SharingLevelSchema,
  sharedAgencyIds: z.array(IdSchema),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  version: z.number().int().positive(),
});
/** A case as synced to a desktop that may see it. */
export type CaseRecord = z.infer<typeof CaseRecordSchema>;
