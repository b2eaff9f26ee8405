/**
 * An internal error answered to the renderer ("Something went wrong in Casebridge") leaves a process
 * warning for whoever supports the machine: the channel and what kind of failure it was (the error's
 * class, a cache failure's reason, SQLite's code), never its message, which may quote a record.
 */
import { CodedError } from '../../domain/errors.ts';

/** The warning's type, for a listener or `--no-warnings`-style filtering. */
export const CORE_WARNING = 'CasebridgeCoreWarning';

/** Emits the warning for `error`, which a channel answered as `internal_error`. */
export function reportUnexpected(channel: string, error: unknown): void {
  process.emitWarning(`${channel} failed: ${kindOf(error)}`, CORE_WARNING);
}

function kindOf(error: unknown): string {
  if (!(error instanceof Error)) {
    return typeof error;
  }
  const parts = [error.name];
  for (const key of ['reason', 'sqliteCode', 'code'] as const) {
    const value: unknown = (error as unknown as Record<string, unknown>)[key];
    if (typeof value === 'string' && !(key === 'code' && error instanceof CodedError)) {
      parts.push(value);
    }
  }
  return parts.join(' ');
}
