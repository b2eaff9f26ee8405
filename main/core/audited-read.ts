/**
 * Reads the core answers from the offline copy never reach the server, so the server cannot audit
 * them (docs/audit.md): each one is recorded in the cache's audit outbox before it is answered, and
 * the sync engine reports it later (main/sync/push-audit-events.ts).
 */
import { CodedError } from '../../domain/errors.ts';
import type { QueuePage } from '../../domain/ipc/contract.ts';
import type { CaseSearchResult, PersonSearchResult } from '../../domain/ipc/search-results.ts';
import type { LocationSearchResult } from '../../domain/ipc/location-channels.ts';
import type { LocalRead } from '../cache/audit-outbox.ts';
import type { CaseCache } from '../cache/case-cache.ts';
import type { QueueQuery } from '../cache/queue-query.ts';

/** The unlocked session a read runs in (the session manager's active session fits). */
export interface ReadingSession {
  cache: CaseCache;
  user: { id: string };
}

/**
 * Runs `read`, records what it showed, then answers it. Fails closed: a read that cannot be
 * recorded is not shown, or the user could see records the data officer never learns of. It costs
 * one insert on the write handle, after the read, so a read that fails (not cached) records nothing.
 */
export async function auditedRead<T>(
  active: ReadingSession, read: (cache: CaseCache) => Promise<T>, describe: (value: T, cache: CaseCache) => LocalRead | Promise<LocalRead>,
): Promise<T> {
  const value = await read(active.cache);
  const event = await describe(value, active.cache);
  try {
    await active.cache.auditOutbox.record(active.user.id, event);
  } catch (error) {
    // A coded error (the session locked meanwhile) says why better than this does.
    throw error instanceof CodedError ? error : new CodedError('internal_error', 'Casebridge could not record this in the audit trail, so it is not shown.');
  }
  return value;
}

/** A case opened: the server records `GET /cases/:id` the same way. */
export function caseViewed(caseId: string): LocalRead {
  return { action: 'record.view', entityType: 'case', entityId: caseId, details: {} };
}

/** A report's whole text read (to edit it): the server records `GET /reports/:id` the same way. */
export function reportViewed(reportId: string): LocalRead {
  return { action: 'record.view', entityType: 'report', entityId: reportId, details: {} };
}

/** A person's profile opened: the server records `GET /persons/:id` the same way. */
export function personViewed(personId: string): LocalRead {
  return { action: 'record.view', entityType: 'person', entityId: personId, details: {} };
}

/**
 * A page of the case queue. Filtered by typed text it is a search, recorded like `cases.search`
 * (the server audits `GET /cases?q=` the same way); the plain queue is not, as on the server.
 */
export function queuePage(active: ReadingSession, query: QueueQuery): Promise<QueuePage> {
  const q = query.filter.trim();
  if (q === '') {
    return active.cache.queue(query);
  }
  return auditedRead(active, (cache) => cache.queue(query), (page) => ({
    action: 'record.search', entityType: 'case', entityId: null, details: { terms: { q }, results: page.rows.length },
  }));
}

/** A text search over cases, with its terms and how many it answered (as the server's case search records). */
export function casesSearched(text: string, result: CaseSearchResult): LocalRead {
  return { action: 'record.search', entityType: 'case', entityId: null, details: { terms: { q: text }, results: result.hits.length } };
}

/** A substring search over places, with its terms and how many it answered. */
export function locationsSearched(text: string, result: LocationSearchResult): LocalRead {
  return { action: 'record.search', entityType: 'location', entityId: null, details: { terms: { q: text }, results: result.hits.length } };
}

/**
 * A name search over persons, with its terms (the date of birth searched, or null) and whom it showed,
 * as the server's person search records; cached persons are full records.
 */
export function personsSearched(text: string, dateOfBirth: string | undefined, result: PersonSearchResult): LocalRead {
  return {
    action: 'record.search', entityType: 'person', entityId: null,
    details: { terms: { q: text, dateOfBirth: dateOfBirth ?? null }, returned: result.hits.map((hit) => ({ id: hit.id, view: 'full' as const })) },
  };
}

/** A document's content handed to the renderer, named with the hash of the version it was; a document gone meanwhile is not shown. */
export async function documentHandedOut(documentId: string, cache: CaseCache): Promise<LocalRead> {
  const meta = await cache.documentContent?.meta(documentId);
  if (!meta) {
    throw new CodedError('not_found', 'This document is not in your offline copy.');
  }
  return { action: 'document.download', entityType: 'document', entityId: documentId, details: { sha256: meta.sha256 } };
}
