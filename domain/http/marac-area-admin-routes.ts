/**
 * MARAC areas, administered by system administrators (docs/marac.md, "MARAC areas"; docs/decisions.md):
 * add an area, rename it, set its coordinating agency and its escalation rule. The list is
 * `GET /marac/areas` (every signed-in user reads it to refer).
 */
import { z } from 'zod';
import { MaracAreaRecordSchema } from '../entities/marac-referral.ts';
import { IdSchema } from '../ids.ts';
import { defineRoute, IdParams, NoQuery } from './route.ts';

/** The fewest and most incidents, and the shortest and longest window, an escalation rule may name. */
export const ESCALATION_LIMITS = { incidents: { min: 2, max: 20 }, months: { min: 1, max: 24 } } as const;

export const MaracAreaBodySchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** The agency whose MARAC coordinators run the area's meetings and receive its referrals. */
  coordinatorAgencyId: IdSchema,
  /** Potential escalation: at least this many incidents… */
  escalationIncidents: z.number().int().min(ESCALATION_LIMITS.incidents.min).max(ESCALATION_LIMITS.incidents.max),
  /** …in this many months up to the referral date. */
  escalationMonths: z.number().int().min(ESCALATION_LIMITS.months.min).max(ESCALATION_LIMITS.months.max),
}).strict();
/** An area as an administrator sets it, replaced whole. */
export type MaracAreaBody = z.infer<typeof MaracAreaBodySchema>;

export const maracAreaAdminRoutes = {
  createMaracArea: defineRoute({
    method: 'POST', path: '/marac/areas', auth: true, tag: 'marac',
    summary: 'Add a MARAC area with its coordinating agency and escalation rule (system administrators; audited)',
    query: NoQuery, body: MaracAreaBodySchema, response: MaracAreaRecordSchema,
  }),
  updateMaracArea: defineRoute({
    method: 'PUT', path: '/marac/areas/:id', auth: true, tag: 'marac',
    summary: "Rename a MARAC area, change its coordinating agency or escalation rule (system administrators; audited old → new); applies to the next referral",
    params: IdParams, query: NoQuery, body: MaracAreaBodySchema, response: MaracAreaRecordSchema,
  }),
} as const;
