/**
 * The audit screen's filters: in the URL (`#/audit?action=…&case=…&from=…`), in the form, and as
 * the server's filters. Dates are whole days in the user's time zone; `to` includes its day.
 */
import { z } from 'zod';
import { AuditActionSchema, AuditCategorySchema } from '../../../domain/audit/audit-actions.ts';
import type { AuditFilters } from '../../../domain/audit/audit-search.ts';
import { IdSchema } from '../../../domain/ids.ts';

export type { AuditFilters } from '../../../domain/audit/audit-search.ts';

const IsoDate = z.iso.date();

/** The filters as the URL holds them; a value that does not fit is dropped, never an error page. */
export const AuditSearchParamsSchema = z.object({
  user: IdSchema.optional().catch(undefined),
  agency: IdSchema.optional().catch(undefined),
  team: IdSchema.optional().catch(undefined),
  person: IdSchema.optional().catch(undefined),
  case: IdSchema.optional().catch(undefined),
  action: AuditActionSchema.optional().catch(undefined),
  category: AuditCategorySchema.optional().catch(undefined),
  from: IsoDate.optional().catch(undefined),
  to: IsoDate.optional().catch(undefined),
});
/** The audit screen's URL search, as validated. */
export type AuditSearchParams = z.infer<typeof AuditSearchParamsSchema>;

/** An id pasted from an event's details, or empty for any. */
const OptionalId = z.union([z.literal(''), z.uuid({ error: 'Paste a full id (as an event’s details show it), or leave this empty.' })]);

/** What the filter form fills in: ids as typed (empty for any), a choice or empty, days or null. */
export const AuditFilterFormSchema = z.object({
  user: OptionalId,
  agency: OptionalId,
  team: OptionalId,
  person: OptionalId,
  case: OptionalId,
  action: z.union([z.literal(''), AuditActionSchema]),
  category: z.union([z.literal(''), AuditCategorySchema]),
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
}).refine((f) => f.from === null || f.to === null || f.from <= f.to, { message: 'The first day must not be after the last.', path: ['to'] });
/** The filter form's values. */
export type AuditFilterForm = z.infer<typeof AuditFilterFormSchema>;

/** The form's values for the URL's filters. */
export function formOf(params: AuditSearchParams): AuditFilterForm {
  return {
    user: params.user ?? '', agency: params.agency ?? '', team: params.team ?? '', person: params.person ?? '', case: params.case ?? '',
    action: params.action ?? '', category: params.category ?? '', from: params.from ?? null, to: params.to ?? null,
  };
}

/** The URL's filters for the form's values (empty fields left out). */
export function paramsOf(form: AuditFilterForm): AuditSearchParams {
  const params: AuditSearchParams = {};
  for (const key of ['user', 'agency', 'team', 'person', 'case'] as const) {
    if (form[key] !== '') {
      params[key] = form[key];
    }
  }
  if (form.action !== '') {
    params.action = form.action;
  }
  if (form.category !== '') {
    params.category = form.category;
  }
  if (form.from !== null) {
    params.from = form.from;
  }
  if (form.to !== null) {
    params.to = form.to;
  }
  return params;
}

/** Midnight starting `day` (YYYY-MM-DD) in the local time zone, as a UTC instant. */
function startOfDay(day: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(year, month - 1, date);
}

/** The server's filters for the URL's: `from` at the start of its day, `to` at the end of its day (exclusive next midnight). */
export function filtersOf(params: AuditSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  const ids = { userId: params.user, agencyId: params.agency, teamId: params.team, personId: params.person, caseId: params.case };
  for (const [key, value] of Object.entries(ids) as Array<[keyof typeof ids, string | undefined]>) {
    if (value !== undefined) {
      filters[key] = value;
    }
  }
  if (params.action !== undefined) {
    filters.action = params.action;
  }
  if (params.category !== undefined) {
    filters.category = params.category;
  }
  if (params.from !== undefined) {
    filters.from = startOfDay(params.from).toISOString();
  }
  if (params.to !== undefined) {
    const end = startOfDay(params.to);
    end.setDate(end.getDate() + 1);
    filters.to = end.toISOString();
  }
  return filters;
}
