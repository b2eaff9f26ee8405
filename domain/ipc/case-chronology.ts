/**
 * A case's chronology as the offline copy holds it: everything on the case in time order, each entry
 * saying which agency it came from where the copy knows (docs/architecture.md, "Case screen").
 */
import { z } from 'zod';
import { IdSchema } from '../ids.ts';
import { MarkerTypeSchema } from '../vocabulary.ts';

export const CHRONOLOGY_KINDS = [
  'case_opened', 'person_added', 'place_added', 'report', 'document', 'marker_placed', 'marker_ended', 'task_set', 'task_update',
] as const;
/** What happened. */
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

export const ChronologyEntrySchema = z.object({
  /** Unique within the chronology (the kind and the record's id). */
  key: z.string(),
  at: z.string(),
  kind: z.enum(CHRONOLOGY_KINDS),
  /** The record's own words: a report's title, a file name, a person's name, a warning's description. */
  text: z.string(),
  /** A warning's type, for the warning entries. */
  markerType: MarkerTypeSchema.nullable(),
  /** The agency it came from; null when the offline copy does not say (a task update's author). */
  agencyName: z.string().nullable(),
  /** The task the entry opens, when there is one. */
  taskId: IdSchema.nullable(),
});
/** One entry of a case's chronology. */
export type ChronologyEntry = z.infer<typeof ChronologyEntrySchema>;

export const CaseChronologySchema = z.object({ entries: z.array(ChronologyEntrySchema) });
/** A case's chronology, newest first. */
export type CaseChronology = z.infer<typeof CaseChronologySchema>;
