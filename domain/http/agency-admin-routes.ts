/**
 * The system administrator's agencies and sharing agreements (docs/access.md, "Administration"):
 * which organisations take part, and which partners each may share its records with.
 */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { AgencyKindSchema } from '../vocabulary.ts';
import { defineRoute, IdParams, NoBody, NoQuery } from './route.ts';

export const AdminAgencySchema = z.object({
  id: IdSchema,
  name: z.string(),
  kind: AgencyKindSchema,
  code: z.string(),
  /** True: shares only with `partnerAgencyIds`; false: with every agency. */
  sharingRestricted: z.boolean(),
  /** The agencies it has a sharing agreement with (it may share its records with them), by code. */
  partnerAgencyIds: z.array(IdSchema),
  userCount: z.number().int().nonnegative(),
});
/** An agency as the system administrator sees it. */
export type AdminAgency = z.infer<typeof AdminAgencySchema>;

/** Agency codes are short capitals and digits, unique, shown beside names (e.g. `NSP`). */
export const AgencyCodeSchema = z.string().trim().toUpperCase().regex(/^[A-Z0-9]{2,16}$/, '2 to 16 capital letters or digits');

export const CreateAgencyBodySchema = z.object({
  name: z.string().trim().min(1).max(200),
  kind: AgencyKindSchema,
  code: AgencyCodeSchema,
}).strict();
/** What creating an agency sends. */
export type CreateAgencyBody = z.input<typeof CreateAgencyBodySchema>;

export const SharingAgreementsBodySchema = z.object({
  sharingRestricted: z.boolean(),
  partnerAgencyIds: z.array(IdSchema).max(500),
}).strict();
/** An agency's sharing rule and agreements, replaced whole. */
export type SharingAgreementsBody = z.infer<typeof SharingAgreementsBodySchema>;

export const agencyAdminRoutes = {
  listAgencies: defineRoute({
    method: 'GET', path: '/agencies', auth: true, tag: 'agencies', summary: 'Every agency with its sharing rule and agreements (system administrators)',
    query: NoQuery, body: NoBody, response: z.object({ agencies: z.array(AdminAgencySchema) }),
  }),
  createAgency: defineRoute({
    method: 'POST', path: '/agencies', auth: true, tag: 'agencies', summary: 'Add an agency (system administrators); it shares with nobody until agreements are set',
    query: NoQuery, body: CreateAgencyBodySchema, response: AdminAgencySchema,
  }),
  setSharingAgreements: defineRoute({
    method: 'PUT', path: '/agencies/:id/sharing-agreements', auth: true, tag: 'agencies',
    summary: "Replace an agency's sharing rule and the partners it may share with (system administrators); existing shares are not undone",
    params: IdParams, query: NoQuery, body: SharingAgreementsBodySchema, response: AdminAgencySchema,
  }),
} as const;
