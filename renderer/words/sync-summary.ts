/** The sync indicator's words, derived honestly from the core's sync status. */
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';
import { errorMessage } from './error-messages.ts';
import { type FormatContext, formatTimeOfDay } from './format-date-time.ts';
import { plural } from './plural.ts';

/** How the indicator should look: calm when up to date, busy, a warning, or an error. */
export type SyncTone = 'ok' | 'busy' | 'warning' | 'error';

/** The indicator's text and tone. */
export interface SyncSummary {
  text: string;
  tone: SyncTone;
}

/**
 * Offline wins over everything (a stale "up to date" would be a lie); "Up to date" only when the
 * core says so (`upToDate`: online, idle, synced, nothing waiting, refused or in conflict).
 * Waiting, refused and conflicting changes are always mentioned.
 */
export function summariseSync(status: SyncStatus, context: FormatContext = {}): SyncSummary {
  const lastSynced = status.lastSuccessAt === null ? null : `last synced ${formatTimeOfDay(status.lastSuccessAt, context)}`;
  let summary: SyncSummary;
  if (status.connection === 'offline') {
    summary = { text: lastSynced ? `Offline · ${lastSynced}` : 'Offline', tone: 'warning' };
  } else if (status.phase === 'pushing') {
    summary = { text: 'Sending changes…', tone: 'busy' };
  } else if (status.phase === 'pulling') {
    summary = { text: 'Syncing…', tone: 'busy' };
  } else if (status.phase === 'bootstrapping') {
    summary = { text: 'Downloading your offline copy…', tone: 'busy' };
  } else if (status.phase === 'error') {
    const reason = status.lastError ? errorMessage(status.lastError.code) : errorMessage('internal_error');
    summary = { text: `Sync error: ${reason}`, tone: 'error' };
  } else if (status.upToDate && lastSynced) {
    summary = { text: `Up to date · ${lastSynced}`, tone: 'ok' };
  } else if (lastSynced) {
    summary = { text: `Last synced ${formatTimeOfDay(status.lastSuccessAt!, context)}`, tone: 'warning' };
  } else {
    summary = { text: 'Not synced yet', tone: 'warning' };
  }
  const notes = [
    status.pendingChanges > 0 ? `${plural(status.pendingChanges, 'change')} waiting` : null,
    status.rejectedCount > 0 ? `${plural(status.rejectedCount, 'change')} refused` : null,
    status.conflictCount > 0 ? `${plural(status.conflictCount, 'conflict')} to resolve` : null,
    status.reviewCount > 0 ? `${plural(status.reviewCount, 'person', 'people')} to review` : null,
  ].filter((n): n is string => n !== null);
  if (notes.length > 0) {
    summary.text += ` · ${notes.join(' · ')}`;
    if (summary.tone === 'ok') {
      summary.tone = 'warning';
    }
  }
  return summary;
}
