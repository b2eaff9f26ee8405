/** MARAC meetings: scheduling, agenda, attendees, research, minutes, actions and packs (docs/marac.md). */
import { z } from 'zod';
import {
  AddActionBodySchema, AddAgendaItemBodySchema, AddAttendeeBodySchema, AttendeeCandidatesSchema, AddResearchBodySchema, AgendaOrderBodySchema,
  GeneratePackBodySchema, MeetingActionSchema, MeetingListQuerySchema, MeetingPackFileSchema, MeetingRecordSchema,
  MeetingSummarySchema, ScheduleMeetingBodySchema, SetMinutesBodySchema,
} from '../entities/marac-meeting.ts';
import { IdSchema } from '../ids.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

export const ActionTrackerQuerySchema = z.object({
  maracAreaId: IdSchema.optional(),
  open: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
}).strict();


export const maracMeetingRoutes = {
  scheduleMaracMeeting: defineRoute({
    method: 'POST', path: '/marac/meetings', auth: true, tag: 'marac',
    summary: "MARAC coordinators: schedule a meeting of an area their agency coordinates; unfinished actions of earlier meetings are carried onto its agenda",
    query: NoQuery, body: ScheduleMeetingBodySchema, response: MeetingRecordSchema,
  }),
  listMaracMeetings: defineRoute({
    method: 'GET', path: '/marac/meetings', auth: true, tag: 'marac',
    summary: "The meetings the caller's agency coordinates or attends, newest first (audited)",
    query: MeetingListQuerySchema, body: NoBody, response: z.object({ meetings: z.array(MeetingSummarySchema) }),
  }),
  getMaracMeeting: defineRoute({
    method: 'GET', path: '/marac/meetings/:id', auth: true, tag: 'marac',
    summary: 'One meeting: the agenda cases, research, minutes and actions the caller may see, and the attendees (audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: MeetingRecordSchema,
  }),
  addMaracAgendaItem: defineRoute({
    method: 'POST', path: '/marac/meetings/:id/agenda', auth: true, tag: 'marac',
    summary: "Coordinators: put a referral of the area on the agenda (optionally as an emergency case)",
    params: IdParams, query: NoQuery, body: AddAgendaItemBodySchema, response: MeetingRecordSchema,
  }),
  orderMaracAgenda: defineRoute({
    method: 'PUT', path: '/marac/meetings/:id/agenda', auth: true, tag: 'marac',
    summary: 'Coordinators: reorder the agenda (every item exactly once)',
    params: IdParams, query: NoQuery, body: AgendaOrderBodySchema, response: MeetingRecordSchema,
  }),
  addMaracAttendee: defineRoute({
    method: 'POST', path: '/marac/meetings/:id/attendees', auth: true, tag: 'marac',
    summary: "Coordinators: add a user attending for their agency",
    params: IdParams, query: NoQuery, body: AddAttendeeBodySchema, response: MeetingRecordSchema,
  }),
  listMaracAttendeeCandidates: defineRoute({
    method: 'GET', path: '/marac/meetings/:id/attendee-candidates', auth: true, tag: 'marac',
    summary: 'Coordinators: who may be added as an attendee, by agency (audited)',
    params: IdParams, query: NoQuery, body: NoBody, response: AttendeeCandidatesSchema,
  }),
  acknowledgeMaracMeeting: defineRoute({
    method: 'POST', path: '/marac/meetings/:id/acknowledgement', auth: true, tag: 'marac',
    summary: "An attendee acknowledges the meeting's confidentiality; the agenda cases are shared with their agency within the agreements",
    params: IdParams, query: NoQuery, body: NoBody, response: MeetingRecordSchema,
  }),
  addMaracResearch: defineRoute({
    method: 'POST', path: '/marac/meetings/:id/research', auth: true, tag: 'marac',
    summary: "Record one item of the caller's agency's research (a fact or an opinion) on an agenda case",
    params: IdParams, query: NoQuery, body: AddResearchBodySchema, response: MeetingRecordSchema,
  }),
  setMaracMinutes: defineRoute({
    method: 'PUT', path: '/marac/meetings/:id/minutes', auth: true, tag: 'marac',
    summary: 'Coordinators: record the minutes of an agenda case',
    params: IdParams, query: NoQuery, body: SetMinutesBodySchema, response: MeetingRecordSchema,
  }),
  addMaracAction: defineRoute({
    method: 'POST', path: '/marac/meetings/:id/actions', auth: true, tag: 'marac',
    summary: "Coordinators: record a SMART action on an agenda case as a task of its owner agency",
    params: IdParams, query: NoQuery, body: AddActionBodySchema, response: MeetingRecordSchema,
  }),
  listMaracActions: defineRoute({
    method: 'GET', path: '/marac/actions', auth: true, tag: 'marac',
    summary: "Coordinators: the action tracker across the meetings of the areas their agency coordinates (audited)",
    query: ActionTrackerQuerySchema, body: NoBody, response: z.object({ actions: z.array(MeetingActionSchema) }),
  }),
  generateMaracPack: defineRoute({
    method: 'POST', path: '/marac/meetings/:id/packs', auth: true, tag: 'marac',
    summary: "Coordinators: generate an attendee's copy of the meeting pack (PDF, only after they acknowledged confidentiality; audited)",
    params: IdParams, query: NoQuery, body: GeneratePackBodySchema, response: MeetingPackFileSchema,
  }),
} as const;
