/** Wire shapes of MARAC meetings: scheduling, agenda, attendees, research, minutes and actions (docs/marac.md). */
import { z } from 'zod';
import { IdSchema, TimestampSchema } from '../ids.ts';
import { DashBandSchema } from '../marac/dash-scoring.ts';
import { RESEARCH_NATURES } from '../marac/meeting-pack.ts';
import { TaskStatusSchema } from '../vocabulary.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const ScheduleMeetingBodySchema = z.object({
  maracAreaId: IdSchema,
  date: z.iso.date(),
  chair: text(200),
}).strict();
/** What scheduling a meeting needs; the caller is its coordinator. */
export type ScheduleMeetingBody = z.infer<typeof ScheduleMeetingBodySchema>;

export const AddAgendaItemBodySchema = z.object({
  referralId: IdSchema,
  /** An emergency case added after the agenda was built. */
  emergency: z.boolean().default(false),
}).strict();
/** A referral put on the agenda. */
export type AddAgendaItemBody = z.infer<typeof AddAgendaItemBodySchema>;

export const AgendaOrderBodySchema = z.object({ itemIds: z.array(IdSchema).min(1).max(200) }).strict();
/** The whole agenda in its new order (every item exactly once). */
export type AgendaOrderBody = z.infer<typeof AgendaOrderBodySchema>;

export const AddAttendeeBodySchema = z.object({ userId: IdSchema }).strict();

export const ResearchNatureSchema = z.enum(RESEARCH_NATURES);

export const AddResearchBodySchema = z.object({
  agendaItemId: IdSchema,
  /** Fact held, or professional opinion: never both in one item. */
  nature: ResearchNatureSchema,
  text: text(20_000),
  /** True keeps it to the caller's agency even after the meeting (e.g. police intelligence). */
  restricted: z.boolean().default(false),
}).strict();
/** One item of the caller's agency's research on an agenda case. */
export type AddResearchBody = z.infer<typeof AddResearchBodySchema>;

export const SetMinutesBodySchema = z.object({ agendaItemId: IdSchema, text: z.string().trim().max(50_000) }).strict();
/** The minutes of one agenda case (empty text clears them). */
export type SetMinutesBody = z.infer<typeof SetMinutesBodySchema>;

export const AddActionBodySchema = z.object({
  agendaItemId: IdSchema,
  /** Specific: what is to be done. */
  title: text(200),
  /** Measurable and achievable: how everyone will know it is done. */
  description: text(5000),
  ownerAgencyId: IdSchema,
  /** Time-bound. */
  dueDate: z.iso.date(),
}).strict();
/** A SMART action on an agenda case, recorded as a task of its owner agency. */
export type AddActionBody = z.infer<typeof AddActionBodySchema>;

export const GeneratePackBodySchema = z.object({ attendeeId: IdSchema }).strict();

export const MeetingListQuerySchema = z.object({ maracAreaId: IdSchema.optional() }).strict();

const Named = z.object({ id: IdSchema, name: z.string() });

export const MeetingActionSchema = z.object({
  taskId: IdSchema,
  meetingId: IdSchema,
  meetingDate: z.iso.date(),
  caseId: IdSchema,
  caseReference: z.string(),
  title: z.string(),
  description: z.string(),
  ownerAgency: Named,
  dueDate: z.iso.date().nullable(),
  status: TaskStatusSchema,
  /** Due before today and not done or cancelled. */
  overdue: z.boolean(),
});
/** A MARAC action (a task) with where it was agreed. */
export type MeetingAction = z.infer<typeof MeetingActionSchema>;

export const MeetingResearchSchema = z.object({
  id: IdSchema,
  agency: Named,
  authorUserId: IdSchema,
  nature: ResearchNatureSchema,
  restricted: z.boolean(),
  text: z.string(),
  createdAt: TimestampSchema,
});
/** A research item as its reader may see it. */
export type MeetingResearch = z.infer<typeof MeetingResearchSchema>;

export const AgendaItemSchema = z.object({
  id: IdSchema,
  position: z.number().int().positive(),
  caseId: IdSchema,
  caseReference: z.string(),
  referralId: IdSchema,
  victimName: z.string(),
  referringAgency: Named,
  referredOn: z.iso.date(),
  score: z.number().int().nonnegative(),
  band: DashBandSchema,
  repeat: z.boolean(),
  emergency: z.boolean(),
  /** On the agenda because an earlier meeting's action on the case is unfinished. */
  carriedForward: z.boolean(),
  research: z.array(MeetingResearchSchema),
  minutes: z.string().nullable(),
  /** This meeting's actions on the case, and unfinished ones from earlier meetings of the area. */
  actions: z.array(MeetingActionSchema),
});
/** One agenda case as its reader may see it. */
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

export const AttendeeSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  name: z.string(),
  agency: Named,
  acknowledgedAt: TimestampSchema.nullable(),
});
/** An attendee and their confidentiality acknowledgement. */
export type Attendee = z.infer<typeof AttendeeSchema>;

export const MeetingSummarySchema = z.object({
  id: IdSchema,
  maracArea: Named,
  coordinatorAgency: Named,
  date: z.iso.date(),
  chair: z.string(),
  coordinator: z.object({ id: IdSchema, displayName: z.string() }),
});
/** A meeting's details. */
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

export const MeetingRecordSchema = MeetingSummarySchema.extend({
  agenda: z.array(AgendaItemSchema),
  /** Agenda cases the caller may not see: counted, never described. */
  hiddenItems: z.number().int().nonnegative(),
  attendees: z.array(AttendeeSchema),
  abilities: z.object({ run: z.boolean(), addResearch: z.boolean(), acknowledge: z.boolean() }),
});
/** A meeting as its reader may see it. */
export type MeetingRecord = z.infer<typeof MeetingRecordSchema>;

export const MeetingPackFileSchema = z.object({
  fileName: z.string(),
  recipient: z.object({ userId: IdSchema, name: z.string(), agencyName: z.string() }),
  sha256: z.string(),
  pages: z.number().int().positive(),
  /** The PDF, base64. */
  pdfBase64: z.string(),
});
/** One recipient's pack copy. */
export type MeetingPackFile = z.infer<typeof MeetingPackFileSchema>;

export const AttendeeCandidatesSchema = z.object({
  agencies: z.array(z.object({ id: IdSchema, name: z.string(), users: z.array(z.object({ id: IdSchema, displayName: z.string() })) })),
});
/** Who the coordinator may add as attendees: enabled users who work cases, by agency, not yet attending. */
export type AttendeeCandidates = z.infer<typeof AttendeeCandidatesSchema>;
