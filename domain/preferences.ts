/** The user's harmless UI preferences: a zod schema and a pure sanitizer (no case data, names or tokens ever). */
import { z } from 'zod';

const columnId = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/);

/** Saved queue filter: only enum-like values, never free text that could hold a name. */
export const SavedFilterSchema = z
  .object({
    status: z.enum(['open', 'closed', 'all']).optional(),
    riskLevel: z.enum(['low', 'medium', 'high', 'very_high']).optional(),
    assignedToMe: z.boolean().optional(),
    overdueOnly: z.boolean().optional(),
  })
  .strict();

/** Every preference the store may hold; each field is optional and validated on its own. */
export const PreferencesSchema = z
  .object({
    theme: z.enum(['system', 'light', 'dark']),
    queuePageSize: z.union([z.literal(25), z.literal(50), z.literal(100)]),
    columnWidths: z.record(columnId, z.number().int().min(40).max(1200)),
    lastFilter: SavedFilterSchema,
    /** A shorter idle lock than policy allows; never a longer one (see effectiveSettings). */
    idleLockMinutes: z.number().int().min(1).max(240),
  })
  .partial()
  .strict();

/** The user's preferences. */
export type Preferences = z.output<typeof PreferencesSchema>;

const keys = Object.keys(PreferencesSchema.shape) as (keyof Preferences)[];

/** Keeps each valid known field and drops the rest, so one bad value never resets the others. */
export function sanitizePreferences(raw: unknown): Preferences {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {};
  }
  const source = raw as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of keys) {
    if (Object.hasOwn(source, key)) {
      const parsed = PreferencesSchema.shape[key].safeParse(source[key]);
      if (parsed.success && parsed.data !== undefined) {
        result[key] = parsed.data;
      }
    }
  }
  return result;
}

/** Applies a change from the UI: valid fields of the patch replace the current ones, invalid ones are ignored. */
export function mergePreferences(current: unknown, patch: unknown): Preferences {
  return { ...sanitizePreferences(current), ...sanitizePreferences(patch) };
}
