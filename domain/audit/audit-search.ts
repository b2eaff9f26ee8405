/** The audit search a data officer runs (docs/audit.md): filters, paging and the event as the API shows it. */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { AUDIT_CATEGORIES, AUDIT_OUTCOMES, AuditActionSchema, AuditCategorySchema } from './audit-actions.ts';

/** Largest page a search may ask for. */
export const AUDIT_PAGE_MAX = 500;

const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString());

/**
 * The filters, without paging: `userId` and `agencyId` are the actor's, `teamId` the actor's team
 * (membership), `caseId` and `personId` the record the event is about; `from` inclusive, `to` exclusive.
 */
export const AuditFilterShape = {
  userId: IdSchema.optional(),
  agencyId: IdSchema.optional(),
  teamId: IdSchema.optional(),
  caseId: IdSchema.optional(),
  personId: IdSchema.optional(),
  entityType: z.string().min(1).max(64).optional(),
  entityId: z.string().min(1).max(128).optional(),
  action: AuditActionSchema.optional(),
  category: AuditCategorySchema.optional(),
  from: Instant.optional(),
  to: Instant.optional(),
};

/** Audit filters as a screen or an export states them (no paging). */
export const AuditFiltersSchema = z.object(AuditFilterShape).strict().refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
  message: '`from` must not be after `to`', path: ['from'],
});
/** Parsed audit filters, shared by the audit screen and its export. */
export type AuditFilters = z.output<typeof AuditFiltersSchema>;

/** Filters and paging; pages run newest first, `cursor` is the last seq seen. */
export const AuditSearchQuerySchema = z.object({
  ...AuditFilterShape,
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(100),
  cursor: z.coerce.number().int().positive().optional(),
}).strict().refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, {
  message: '`from` must not be after `to`', path: ['from'],
});
/** Parsed search filters. */
export type AuditSearchQuery = z.output<typeof AuditSearchQuerySchema>;

/** One audit event as a data officer sees it; `details` is the recorded JSON object. */
export const AuditEventSchema = z.object({
  seq: z.number().int().positive(),
  id: z.string(),
  at: TimestampSchema,
  userId: z.string().nullable(),
  /** The actor's and the agency's names as the server knows them now (null when unknown). */
  userName: z.string().nullable(),
  agencyId: z.string().nullable(),
  agencyName: z.string().nullable(),
  teamId: z.string().nullable(),
  deviceId: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  category: z.enum(AUDIT_CATEGORIES),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  /** The case and person the event is about, as the audit index resolved them. */
  caseId: z.string().nullable(),
  personId: z.string().nullable(),
  outcome: z.enum(AUDIT_OUTCOMES),
  justification: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
/** An audit event on the wire. */
export type AuditEvent = z.infer<typeof AuditEventSchema>;

/** A page of events; `nextCursor` is null on the last page. */
export const AuditSearchPageSchema = z.object({
  events: z.array(AuditEventSchema),
  nextCursor: z.number().int().positive().nullable(),
});
/** A page of search results. */
export type AuditSearchPage = z.infer<typeof AuditSearchPageSchema>;
