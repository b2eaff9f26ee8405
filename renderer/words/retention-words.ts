/** Words of the retention screen (docs/audit.md, "Retention and erasure"). */
import type { ErrorCode } from '../../domain/errors.ts';

/** A review decision as the list says it. */
export const RETENTION_DECISION_LABELS = { keep: 'Keep', erase: 'Erase' } as const;

/** What the dialog offers, in order. */
export const RETENTION_ACTION_LABELS = {
  keep: 'Keep until a later date',
  erase: 'Erase at the end of retention',
  hold: 'Place a legal hold',
} as const;

/** The erasure confirmation's warning. */
export const ERASE_WARNING =
  'Erasing removes the case, its reports, documents, tasks and markers, and any person or place on no other case, from the server and from every computer at its next sync. It cannot be undone. A record that the case existed, and under which rule it was erased, stays.';

/** Refusals whose own message the retention dialogs show: it names the hold, the date or the reference that was wrong. */
export const RETENTION_OWN_WORDS: readonly ErrorCode[] = ['network_error', 'conflict', 'validation_error', 'not_found'];
