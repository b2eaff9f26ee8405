/** The marker form's fields, from the marker mutations' own schemas, and how they become a `marker.create` or `marker.update`. */
import { z } from 'zod';
import { MarkerCreateArgsSchema } from '../../../domain/sync/mutations.ts';

/**
 * What the user fills in: type, description and review date with the server's limits, and an optional
 * last day. A warning with an end date shows until the end of that day (UTC), then leaves every banner.
 */
export const MarkerFormSchema = MarkerCreateArgsSchema.pick({ markerType: true, description: true, reviewDate: true })
  .extend({ endsOn: z.iso.date().nullable() });
/** The marker form's fields after validation. */
export type MarkerFields = z.output<typeof MarkerFormSchema>;

/** The expiry a last day stands for: the end of that day. */
export function expiryOf(endsOn: string | null): string | null {
  return endsOn === null ? null : `${endsOn}T23:59:59.999Z`;
}

/** The last day an expiry falls on, for the form. */
export function endsOnOf(expiresAt: string | null): string | null {
  return expiresAt === null ? null : expiresAt.slice(0, 10);
}

/** A date `days` after `from`, as an ISO date: the default next review. */
export function isoDateAfter(from: Date, days: number): string {
  return new Date(from.getTime() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** How far ahead the next review is suggested. */
export const DEFAULT_REVIEW_DAYS = 90;
