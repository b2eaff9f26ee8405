/** Words of the MARAC meeting screens (docs/marac.md). */
import type { ErrorBody } from '../../domain/errors.ts';
import type { ResearchNature } from '../../domain/marac/meeting-pack.ts';
import { errorMessage } from './error-messages.ts';

/** Research is a fact held or a professional opinion: printed under separate headings. */
export const RESEARCH_NATURE_LABELS: Record<ResearchNature, string> = { fact: 'Facts held', opinion: 'Professional opinion' };

/** The one-line description of an agenda case's flags. */
export function agendaFlags(item: { emergency: boolean; carriedForward: boolean; repeat: boolean }): string {
  const flags = [item.emergency ? 'Emergency' : null, item.repeat ? 'Repeat' : null, item.carriedForward ? 'Carried forward (unfinished action)' : null];
  return flags.filter((f) => f !== null).join(' · ');
}

/** The server's own words for input it refused (they name the field); the standard words otherwise. */
export function meetingErrorMessage(error: ErrorBody): string {
  return error.code === 'validation_error' || error.code === 'conflict' ? error.message : errorMessage(error.code);
}
