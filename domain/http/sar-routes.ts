/** Subject access requests: the receiving agency's requests and the owners' consultations (docs/audit.md). */
import { z } from 'zod';
import {
  CloseSarBodySchema, CreateSarBodySchema, ExtendSarBodySchema, SAR_CONSULTATION_STATUSES, SAR_EXEMPTIONS, SAR_REQUESTER_RELATIONS, SAR_STATUSES,
  SarPartSchema, SarRedactionsSchema, WithholdSarPartBodySchema,
} from '../entities/sar.ts';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

const Named = z.object({ id: IdSchema, name: z.string() });
const Timeliness = z.enum(['on_time', 'due_soon', 'overdue']);

/** One request in the receiving agency's list. */
export const SarSummarySchema = z.object({
  id: IdSchema,
  reference: z.string(),
  person: Named,
  receivedOn: z.string(),
  /** The date in force (the extended one once extended): the calendar date, or the next working day when that falls on a weekend or bank holiday. */
  dueOn: z.string(),
  /** The statutory calendar date: one month (plus any extension) from receipt. */
  calendarDueOn: z.string(),
  extended: z.boolean(),
  timeliness: Timeliness,
  status: z.enum(SAR_STATUSES),
  consultations: z.object({ pending: z.number().int(), answered: z.number().int() }),
  version: z.number().int(),
});
export type SarSummary = z.infer<typeof SarSummarySchema>;

/** What the receiving agency sees of one consultation: its state, never the owner's part or reasons. */
export const SarConsultationStateSchema = z.object({
  id: IdSchema,
  agency: Named,
  status: z.enum(SAR_CONSULTATION_STATUSES),
  exemption: z.enum(SAR_EXEMPTIONS).nullable(),
  decidedAt: TimestampSchema.nullable(),
});

/** One request in full, for the receiving agency. */
export const SarDetailSchema = SarSummarySchema.extend({
  requester: z.object({ name: z.string(), relation: z.enum(SAR_REQUESTER_RELATIONS), contact: z.string() }),
  /** The working day the request was due on before any extension. */
  firstDueOn: z.string(),
  extension: z.object({ months: z.number().int(), reason: z.string() }).nullable(),
  consultationStates: z.array(SarConsultationStateSchema),
  /** Every consultation answered: the bundle may be generated. */
  complete: z.boolean(),
});
export type SarDetail = z.infer<typeof SarDetailSchema>;

/** A consultation in the owner agency's inbox. */
export const SarConsultationSummarySchema = z.object({
  id: IdSchema,
  status: z.enum(SAR_CONSULTATION_STATUSES),
  receivingAgency: Named,
  person: Named,
  sarReference: z.string(),
  receivedOn: z.string(),
  dueOn: z.string(),
  calendarDueOn: z.string(),
  timeliness: Timeliness,
  exemption: z.enum(SAR_EXEMPTIONS).nullable(),
  decidedAt: TimestampSchema.nullable(),
});
export type SarConsultationSummary = z.infer<typeof SarConsultationSummarySchema>;

/** A consultation with its part: live and unredacted while pending, the released copy once released. */
export const SarConsultationDetailSchema = SarConsultationSummarySchema.extend({ part: SarPartSchema.nullable() });
export type SarConsultationDetail = z.infer<typeof SarConsultationDetailSchema>;

/** A generated bundle: the JSON document and its PDF, each with its SHA-256. */
export const SarBundleFilesSchema = z.object({
  fileBaseName: z.string(),
  json: z.string(),
  jsonSha256: z.string(),
  pdfBase64: z.string(),
  pdfSha256: z.string(),
  pages: z.number().int(),
});
export type SarBundleFiles = z.infer<typeof SarBundleFilesSchema>;

/** A person a data officer may log a request against: name and year of birth only. */
export const SarPersonHitSchema = z.object({ id: IdSchema, name: z.string(), yearOfBirth: z.number().int().nullable() });
export type SarPersonHit = z.infer<typeof SarPersonHitSchema>;

export const SarPersonSearchQuerySchema = z.object({ q: z.string().trim().min(2).max(100) }).strict();

export const SarListQuerySchema = z.object({ status: z.enum(SAR_STATUSES).default('open') }).strict();

export const sarRoutes = {
  listSars: defineRoute({
    method: 'GET', path: '/sars', auth: true, tag: 'sar',
    summary: "Data officers: their agency's subject access requests, soonest due first (audited)",
    query: SarListQuerySchema, body: NoBody, response: z.object({ sars: z.array(SarSummarySchema) }),
  }),
  searchSarPersons: defineRoute({
    method: 'GET', path: '/sars/persons', auth: true, tag: 'sar',
    summary: "Data officers: find the person a request is about, as the person search finds them for the agency's managers (names and years of birth only; audited)",
    query: SarPersonSearchQuerySchema, body: NoBody, response: z.object({ persons: z.array(SarPersonHitSchema) }),
  }),
  createSar: defineRoute({
    method: 'POST', path: '/sars', auth: true, tag: 'sar',
    summary: 'Log a subject access request against a person; opens a consultation with each other agency owning records the agency holds about them',
    query: NoQuery, body: CreateSarBodySchema, response: SarDetailSchema,
  }),
  getSar: defineRoute({
    method: 'GET', path: '/sars/:id', auth: true, tag: 'sar', summary: "One of the agency's requests, with its consultations' states (audited)",
    params: IdParams, query: NoQuery, body: NoBody, response: SarDetailSchema,
  }),
  extendSar: defineRoute({
    method: 'POST', path: '/sars/:id/extension', auth: true, tag: 'sar', summary: 'Extend a request once by one or two months, with a reason',
    params: IdParams, query: NoQuery, body: ExtendSarBodySchema, response: SarDetailSchema,
  }),
  closeSar: defineRoute({
    method: 'POST', path: '/sars/:id/close', auth: true, tag: 'sar', summary: 'Close a request (answered or withdrawn); it leaves the open list',
    params: IdParams, query: NoQuery, body: CloseSarBodySchema, response: SarDetailSchema,
  }),
  getSarOwnPart: defineRoute({
    method: 'GET', path: '/sars/:id/own-part', auth: true, tag: 'sar',
    summary: "The agency's own part of one of its requests, live and unredacted with the third parties flagged, to redact before the bundle (audited)",
    params: IdParams, query: NoQuery, body: NoBody, response: SarPartSchema,
  }),
  generateSarBundle: defineRoute({
    method: 'POST', path: '/sars/:id/bundle', auth: true, tag: 'sar',
    summary: "Generate the bundle (JSON and PDF) of a complete request: the agency's own part, redacted, and the released parts (audited)",
    params: IdParams, query: NoQuery, body: SarRedactionsSchema, response: SarBundleFilesSchema,
  }),
  listSarConsultations: defineRoute({
    method: 'GET', path: '/sar-consultations', auth: true, tag: 'sar',
    summary: "Data officers: consultations addressed to their agency, pending first (audited)",
    query: NoQuery, body: NoBody, response: z.object({ consultations: z.array(SarConsultationSummarySchema) }),
  }),
  getSarConsultation: defineRoute({
    method: 'GET', path: '/sar-consultations/:id', auth: true, tag: 'sar',
    summary: "The owner's part of a request, to decide on: the records it owns among what the receiving agency holds (audited)",
    params: IdParams, query: NoQuery, body: NoBody, response: SarConsultationDetailSchema,
  }),
  releaseSarPart: defineRoute({
    method: 'POST', path: '/sar-consultations/:id/release', auth: true, tag: 'sar',
    summary: 'Release the part with its redactions (each recorded); audited as a disclosure',
    params: IdParams, query: NoQuery, body: SarRedactionsSchema, response: SarConsultationDetailSchema,
  }),
  withholdSarPart: defineRoute({
    method: 'POST', path: '/sar-consultations/:id/withhold', auth: true, tag: 'sar',
    summary: 'Withhold the part under an exemption, with a reason the receiving agency never sees; audited',
    params: IdParams, query: NoQuery, body: WithholdSarPartBodySchema, response: SarConsultationDetailSchema,
  }),
} as const;
