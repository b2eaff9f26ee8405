/**
 * Case types as data (docs/decisions.md): the system admin adds, renames and retires them; a
 * retired type cannot be chosen for a new case, and cases that have it keep it.
 */
import { z } from 'zod';
import { CaseTypeSchema } from '../vocabulary.ts';

/** The type MARAC referrals open their cases with: it can be renamed, never retired (docs/marac.md). */
export const MARAC_CASE_TYPE = 'domestic_abuse_marac';

/** A case type's name as people see it. */
export const CaseTypeLabelSchema = z.string().trim().min(2, 'at least 2 characters').max(80, 'at most 80 characters');

/** A case type as the desktop's offline copy holds it (its code is the record's id). */
export const SyncCaseTypeSchema = z.object({
  id: CaseTypeSchema,
  label: z.string(),
  /** False once retired: kept for the cases that have it, never offered for a new one. */
  active: z.boolean(),
});
/** A case type that travels through sync. */
export type SyncCaseType = z.infer<typeof SyncCaseTypeSchema>;

/** A case type as the system admin sees it. */
export const AdminCaseTypeSchema = z.object({
  code: CaseTypeSchema,
  label: z.string(),
  active: z.boolean(),
  /** How many cases have it (a retired type keeps them). */
  caseCount: z.number().int().nonnegative(),
});
/** A case type on the administration screen. */
export type AdminCaseType = z.infer<typeof AdminCaseTypeSchema>;

export const CreateCaseTypeBodySchema = z.object({ label: CaseTypeLabelSchema }).strict();
/** Adding a case type: its name; the code is made from it. */
export type CreateCaseTypeBody = z.infer<typeof CreateCaseTypeBodySchema>;

export const UpdateCaseTypeBodySchema = z.object({
  label: CaseTypeLabelSchema.optional(),
  /** False retires the type; true brings a retired one back. */
  active: z.boolean().optional(),
}).strict().refine((b) => b.label !== undefined || b.active !== undefined, 'give a new name or whether the type is in use');
/** Renaming, retiring or bringing back a case type. */
export type UpdateCaseTypeBody = z.infer<typeof UpdateCaseTypeBodySchema>;

/** The code a new case type gets from its name: lower-case words joined by underscores (`Cuckooing` → `cuckooing`). */
export function caseTypeCodeFrom(label: string): string {
  const words = label.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
  const code = (/^[a-z]/.test(words) ? words : `type_${words}`).slice(0, 40).replace(/_+$/, '');
  // A code has at least two characters (`CaseTypeSchema`): a one-letter name gets a suffix.
  return code.length >= 2 ? code : `${code}_type`;
}
