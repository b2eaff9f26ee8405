/**
 * Wire shapes of the sharing dialog: who a case (or a report in it) is shared with now, and the
 * agencies, teams and active users the caller's agency may name (its sharing agreements).
 */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { DocumentSharingLevelSchema } from './document.ts';
import { ReportSharingLevelSchema, SharingLevelSchema } from '../vocabulary.ts';

const Named = { agencyIds: z.array(IdSchema), teamIds: z.array(IdSchema), userIds: z.array(IdSchema) };

/** A case's sharing as it stands, with the version a change must be made against. */
export const CaseSharingStateSchema = z.object({
  sharingLevel: SharingLevelSchema, ...Named, hiddenFromSearch: z.boolean(), version: z.number().int().positive(),
});
export type CaseSharingState = z.infer<typeof CaseSharingStateSchema>;

/** An agency of the directory: its teams and its active users (with their teams). */
export const SharingAgencySchema = z.object({
  id: IdSchema,
  name: z.string(),
  /** True when the caller's agency may name it (its own agency, or a sharing agreement allows it). */
  mayShare: z.boolean(),
  teams: z.array(z.object({ id: IdSchema, name: z.string() })),
  users: z.array(z.object({ id: IdSchema, displayName: z.string(), teamIds: z.array(IdSchema) })),
});
export type SharingAgency = z.infer<typeof SharingAgencySchema>;

/** Who owns the thing being shared: its agency, team and user (null when none). */
export const SharingOwnerSchema = z.object({ agencyId: IdSchema, teamId: IdSchema.nullable(), userId: IdSchema.nullable() });
export type SharingOwner = z.infer<typeof SharingOwnerSchema>;

/** GET /cases/:id/sharing: the case's owner and sharing, and the directory the dialog chooses from. */
export const CaseSharingViewSchema = z.object({
  caseId: IdSchema,
  owner: SharingOwnerSchema,
  sharing: CaseSharingStateSchema,
  /**
   * The caller's agency first, then the agencies it may share with, then any agency already named
   * on the case that it may no longer name (so the summary can still name it); each with its teams and active users.
   */
  agencies: z.array(SharingAgencySchema),
});
export type CaseSharingView = z.infer<typeof CaseSharingViewSchema>;

/** PUT /reports/:id/sharing: a report's restriction, replaced at once (compare-and-set on its version). */
export const ReportSharingBodySchema = z.object({
  sharingLevel: ReportSharingLevelSchema,
  agencyIds: z.array(IdSchema).max(100).default([]),
  teamIds: z.array(IdSchema).max(200).default([]),
  userIds: z.array(IdSchema).max(500).default([]),
  expectedVersion: z.number().int().positive(),
}).strict();
export type ReportSharingBody = z.infer<typeof ReportSharingBodySchema>;

const DocumentNamed = {
  agencyIds: z.array(IdSchema).max(50).default([]),
  teamIds: z.array(IdSchema).max(50).default([]),
  userIds: z.array(IdSchema).max(50).default([]),
};

/**
 * PUT /documents/:id/sharing: a document's restriction, replaced at once. Documents carry no
 * version, so the compare-and-set is on the sharing the caller last saw (`expected`).
 */
export const DocumentSharingBodySchema = z.object({
  sharingLevel: DocumentSharingLevelSchema,
  ...DocumentNamed,
  expected: z.object({ sharingLevel: DocumentSharingLevelSchema, ...DocumentNamed }).strict(),
}).strict();
export type DocumentSharingBody = z.infer<typeof DocumentSharingBodySchema>;
