/** IPC channels of the user's UI preferences and the settings in effect (policy wins over preferences). */
import { z } from 'zod';
import { PreferencesSchema, SavedFilterSchema } from '../preferences.ts';
import { defineChannel } from './channel.ts';

export const UiSettingsSchema = z.object({
  /** What the user chose (only harmless, validated fields). */
  preferences: PreferencesSchema,
  /** What applies: UI fields from preferences, the idle lock no longer than the policy allows. */
  effective: z.object({
    theme: z.enum(['system', 'light', 'dark']),
    queuePageSize: z.union([z.literal(25), z.literal(50), z.literal(100)]),
    columnWidths: z.record(z.string(), z.number()),
    lastFilter: SavedFilterSchema,
    idleLockMinutes: z.number().int().positive(),
    /** Whether the machine policy lets documents be saved out of Casebridge (the UI hides "Open" when not). */
    exportsAllowed: z.boolean(),
  }),
  /** The longest idle lock a user may choose: the policy's (or the default 10 minutes). */
  idleLockMaxMinutes: z.number().int().positive(),
});
/** The preferences and the settings in effect. */
export type UiSettings = z.infer<typeof UiSettingsSchema>;

export const preferencesChannels = {
  'preferences.get': defineChannel({ input: z.null(), output: UiSettingsSchema, needsSession: false }),
  /** Applies the valid fields of a patch (unknown or invalid ones are refused, nothing changes). */
  'preferences.update': defineChannel({ input: PreferencesSchema, output: UiSettingsSchema, needsSession: false }),
} as const;
