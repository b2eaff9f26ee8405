/**
 * Reads a desktop answers from its offline copy, which never reach the server when they happen:
 * the desktop queues them and reports them later, and the server records them in the audit trail
 * (docs/audit.md). Only the read kinds a desktop can do locally exist here, with the action names
 * and details the server itself records for the same reads, so a data officer finds both together.
 * There is no actor field: the server takes the user, agency and device from the access token.
 */
import { z } from 'zod';
import { DateOfBirthSchema } from '../entities/person.ts';
import { IdSchema, TimestampSchema } from '../ids.ts';

/** Most events in one report (the server's limit). */
export const CLIENT_AUDIT_BATCH_MAX = 200;
/** Most results one reported search names: the desktop's searches answer at most 100. */
export const CLIENT_AUDIT_RESULTS_MAX = 100;
/** Most results one reported search counts: a filtered page of the desktop's case queue holds at most 500. */
export const CLIENT_AUDIT_COUNT_MAX = 500;

// As the desktop's search input takes it (SearchInputSchema), and as the server records `q`.
const SearchText = z.string().trim().min(1).max(200);
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex');

/** Every event: its id (chosen once by the desktop, so a replay is recognised) and when the user did it. */
const eventBase = { clientEventId: IdSchema, at: TimestampSchema };

/** A case opened from the offline copy (the server's `GET /cases/:id` records the same). */
const CaseViewSchema = z.object({
  ...eventBase, action: z.literal('record.view'), entityType: z.literal('case'), entityId: IdSchema, details: z.object({}).strict(),
}).strict();

/** A person's profile opened from the offline copy (the server's `GET /persons/:id` records the same). */
const PersonViewSchema = z.object({
  ...eventBase, action: z.literal('record.view'), entityType: z.literal('person'), entityId: IdSchema, details: z.object({}).strict(),
}).strict();

/** A report's whole text read from the offline copy, to edit it (the server's `GET /reports/:id` records the same). */
const ReportViewSchema = z.object({
  ...eventBase, action: z.literal('record.view'), entityType: z.literal('report'), entityId: IdSchema, details: z.object({}).strict(),
}).strict();

/** A MARAC meeting read from its offline copy, with the agenda cases and research shown (the server's `GET /marac/meetings/:id` records the same). */
const MeetingViewSchema = z.object({
  ...eventBase, action: z.literal('record.view'), entityType: z.literal('marac_meeting'), entityId: IdSchema,
  details: z.object({ caseIds: z.array(IdSchema).max(200), researchIds: z.array(IdSchema).max(5000) }).strict(),
}).strict();

/** A text search over cached cases, or the case queue filtered by typed text: terms as the server's case search records them. */
const CaseSearchSchema = z.object({
  ...eventBase, action: z.literal('record.search'), entityType: z.literal('case'), entityId: z.null(),
  details: z.object({
    terms: z.object({ q: SearchText }).strict(),
    results: z.number().int().min(0).max(CLIENT_AUDIT_COUNT_MAX),
  }).strict(),
}).strict();

/** A substring search over cached places, with its terms and how many it answered. */
const LocationSearchSchema = z.object({
  ...eventBase, action: z.literal('record.search'), entityType: z.literal('location'), entityId: z.null(),
  details: z.object({
    terms: z.object({ q: SearchText }).strict(),
    results: z.number().int().min(0).max(CLIENT_AUDIT_RESULTS_MAX),
  }).strict(),
}).strict();

/** A name search over cached persons: terms and results as the server's person search records them (cached persons are full records). */
const PersonSearchSchema = z.object({
  ...eventBase, action: z.literal('record.search'), entityType: z.literal('person'), entityId: z.null(),
  details: z.object({
    terms: z.object({ q: SearchText, dateOfBirth: DateOfBirthSchema.nullable() }).strict(),
    returned: z.array(z.object({ id: IdSchema, view: z.literal('full') }).strict()).max(CLIENT_AUDIT_RESULTS_MAX),
  }).strict(),
}).strict();

/** A document's content handed out of Casebridge (shown or saved) from the offline copy; which version, by its hash. */
const DocumentDownloadSchema = z.object({
  ...eventBase, action: z.literal('document.download'), entityType: z.literal('document'), entityId: IdSchema,
  details: z.object({ sha256: Sha256 }).strict(),
}).strict();

/** One reported read: the action decides the entity type and the details allowed, and nothing else may be sent. */
export const ClientAuditEventSchema = z.discriminatedUnion('action', [
  z.discriminatedUnion('entityType', [CaseViewSchema, PersonViewSchema, ReportViewSchema, MeetingViewSchema]),
  z.discriminatedUnion('entityType', [CaseSearchSchema, PersonSearchSchema, LocationSearchSchema]),
  DocumentDownloadSchema,
]);
/** One read reported by a desktop. */
export type ClientAuditEvent = z.infer<typeof ClientAuditEventSchema>;

/** The actions a desktop may report: a subset of the audit actions. */
export type ClientAuditAction = ClientAuditEvent['action'];

/** A report of reads; all events are recorded, or (on any bad one) none. */
export const ClientAuditBatchSchema = z.object({
  events: z.array(ClientAuditEventSchema).min(1).max(CLIENT_AUDIT_BATCH_MAX),
}).strict().refine((b) => new Set(b.events.map((e) => e.clientEventId)).size === b.events.length, {
  message: 'each clientEventId may appear once in a batch', path: ['events'],
});
/** The body of `POST /audit/client-events`. */
export type ClientAuditBatch = z.infer<typeof ClientAuditBatchSchema>;

/** Every event of the batch is now in the trail (`recorded` of them by this call, the rest by an earlier one). */
export const ClientAuditAckSchema = z.object({
  acknowledged: z.array(IdSchema),
  recorded: z.number().int().min(0),
});
/** The answer to a report. */
export type ClientAuditAck = z.infer<typeof ClientAuditAckSchema>;
