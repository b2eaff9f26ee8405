/** Wire shapes of access requests and the time-limited grants they create (docs/domain-model.md). */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';

export const ACCESS_RESOURCE_TYPES = ['case', 'person'] as const;
/** What can be requested: a restricted case or person record. */
export type AccessResourceType = (typeof ACCESS_RESOURCE_TYPES)[number];
export const AccessResourceTypeSchema = z.enum(ACCESS_RESOURCE_TYPES);

export const ACCESS_REQUEST_STATUSES = ['pending', 'approved', 'denied', 'revoked', 'expired'] as const;
/** Where a request stands; an approved request's grant may still have expired (see `grant.expiresAt`). */
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number];
export const AccessRequestStatusSchema = z.enum(ACCESS_REQUEST_STATUSES);

/** The longest grant an approval may give. */
export const MAX_GRANT_DAYS = 90;
/** The shortest acceptable reason, so requests carry a real justification. */
export const MIN_REASON_LENGTH = 20;

export const AccessGrantSchema = z.object({
  id: IdSchema,
  expiresAt: TimestampSchema,
  revokedAt: TimestampSchema.nullable(),
});

export const AccessRequestRecordSchema = z.object({
  id: IdSchema,
  resourceType: AccessResourceTypeSchema,
  resourceId: IdSchema,
  ownerAgencyId: IdSchema,
  ownerAgencyName: z.string(),
  requesterUserId: IdSchema,
  /** The requester's display name (a directory entry), so the decider knows who asks. */
  requesterName: z.string(),
  requesterAgencyId: IdSchema,
  requesterAgencyName: z.string(),
  reason: z.string(),
  status: AccessRequestStatusSchema,
  decidedBy: IdSchema.nullable(),
  decidedAt: TimestampSchema.nullable(),
  decisionNote: z.string().nullable(),
  grant: AccessGrantSchema.nullable(),
  createdAt: TimestampSchema,
  version: z.number().int().positive(),
  abilities: z.object({ decide: z.boolean(), revoke: z.boolean() }),
});
/** An access request as the requester or a decider sees it — never any content of the record. */
export type AccessRequestRecord = z.infer<typeof AccessRequestRecordSchema>;
