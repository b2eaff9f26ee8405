/** The desktop's encrypted cache of what the signed-in user may see. */
import { Kysely } from 'kysely';
import type { CacheDatabase } from '../../db/cache/schema.ts';
import type { PullResponse } from '../../domain/http/sync-schemas.ts';
import type { CaseChronology } from '../../domain/ipc/case-chronology.ts';
import type { CaseTypeList } from '../../domain/ipc/case-channels.ts';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import type { Dashboard } from '../../domain/ipc/dashboard-channels.ts';
import type { QueueChoices, QueuePage } from '../../domain/ipc/contract.ts';
import type { MarkerReviewItem } from '../../domain/ipc/marker-channels.ts';
import type { PersonProfileView } from '../../domain/ipc/person-channels.ts';
import type { ReportText } from '../../domain/ipc/report-channels.ts';
import type { LocationSearchResult } from '../../domain/ipc/location-channels.ts';
import type { TaskDetailView, TaskList, TaskListViewName } from '../../domain/ipc/task-channels.ts';
import type { PolicyUser } from '../../domain/policy/policy-user.ts';
import { applyPullPage, type AppliedPullPage } from './apply-pull-page.ts';
import { createAuditOutbox, type AuditOutbox } from './audit-outbox.ts';
import { createBootstrapStore, type BootstrapStore } from './bootstrap-staging.ts';
import { queryCaseChronology } from './case-chronology-query.ts';
import { queryCaseDetail } from './case-detail-query.ts';
import { queryCaseTypes } from './case-types-query.ts';
import { queryDashboard, type DashboardViewer } from './dashboard-query.ts';
import { searchCases, type CaseSearchResult } from './case-search-query.ts';
import { deriveDocumentFileKey } from './document-cipher.ts';
import { createDocumentContentStore, type DocumentContentStore } from './document-content.ts';
import { cacheDirFor, sweepOrphanDocumentFiles } from './document-files.ts';
import { keptDocumentIds } from './kept-document-ids.ts';
import { queryMarkersDueForReview } from './marker-review-query.ts';
import { migrateCache } from './migrate-cache.ts';
import { queryPersonNames } from './person-names-query.ts';
import { queryCaseLabels } from './case-labels-query.ts';
import { queryPersonProfile } from './person-profile-query.ts';
import { queryReportText } from './report-text-query.ts';
import { searchLocations } from './location-search-query.ts';
import { searchPersons, type PersonSearchResult } from './person-search-query.ts';
import { queryQueue, queueChoices, type QueueQuery } from './queue-query.ts';
import { createMaracAreaListStore, type MaracAreaListStore } from './marac-area-list.ts';
import { createMeetingCopyStore, type MeetingCopyStore } from './meeting-copies.ts';
import { createSessionMetaStore, type SessionMetaStore } from './session-meta.ts';
import { queryCaseAgencies, queryTaskDetail, queryTaskList } from './task-list-query.ts';
import { openCache } from '../cache-worker/open-cache.ts';

/**
 * Reads and writes of the cache; async so the store can move behind a worker without callers changing.
 * The outbox of local changes is main/sync's, added on the same connection by `openSyncedCache` (main/sync/synced-cache.ts).
 */
export interface CaseCache {
  /** The last applied pull cursor, or null before the first sync. */
  cursor(): Promise<string | null>;
  /** Applies one pull page and its cursor in one transaction, then erases what it removed. */
  applyPullPage(page: PullResponse): Promise<AppliedPullPage>;
  /** A page of the case queue. */
  queue(query: QueueQuery): Promise<QueuePage>;
  /** What the queue's filters offer: the case types and owner agencies of the cached cases. */
  queueChoices(): Promise<QueueChoices>;
  /** Every synced case type by name, retired ones marked. */
  caseTypes(): Promise<CaseTypeList>;
  /** The Dashboard's figures for `viewer`, counted as of `now`. */
  dashboard(viewer: DashboardViewer, now: Date): Promise<Dashboard>;
  /** One case with its subjects, active markers, open tasks and reports; `not_found` when not cached. */
  caseDetail(caseId: string): Promise<CaseDetailView>;
  /** Places whose address, town or postcode holds `text`. */
  searchLocations(text: string, limit: number): Promise<LocationSearchResult>;
  /** One report's whole current text; `not_found` when not cached. */
  reportText(reportId: string): Promise<ReportText>;
  /** The case's chronology, newest first; `not_found` when the cache does not hold the case. */
  caseChronology(caseId: string): Promise<CaseChronology>;
  /** One person with the cached cases they are on and the warnings on them still active at `at`; `not_found` when not cached. */
  personProfile(personId: string, at: Date): Promise<PersonProfileView>;
  /** A tasks view for `user` as of `at`. */
  tasks(user: PolicyUser, view: TaskListViewName, at: Date): Promise<TaskList>;
  /** One task with its thread; `not_found` when not cached. */
  taskDetail(taskId: string, user: PolicyUser, at: Date): Promise<TaskDetailView>;
  /** The agencies the copy knows see a case, owner first; `not_found` when not cached. */
  caseAgencies(caseId: string): Promise<Array<{ id: string; name: string; owner: boolean }>>;
  /** Name search over cached persons (prefix, bounded ranking), optionally only those born on `dateOfBirth` (or estimated in its year). */
  searchPersons(text: string, limit?: number, dateOfBirth?: string): Promise<PersonSearchResult>;
  /** Text search over case references, titles and report text. */
  searchCases(text: string, limit?: number): Promise<CaseSearchResult>;
  /** Display names of the cached persons among `ids`. */
  personNames(ids: readonly string[]): Promise<Map<string, string>>;
  /** `reference — title` of the cached cases among `ids`. */
  caseLabels(ids: readonly string[]): Promise<Map<string, string>>;
  /** Active markers `agencyId` owns whose review date has passed or falls within the review window as of `at`. */
  markersDueForReview(agencyId: string, at: Date): Promise<MarkerReviewItem[]>;
  /** The bootstrap: pages staged until complete, then swapped in for the whole mirror at once. */
  bootstrap: BootstrapStore;
  /** Downloaded document content, sealed under a key derived from the cache key; null when the cache was opened without its key. */
  documentContent: DocumentContentStore | null;
  /** How many cases are cached. */
  caseCount(): Promise<number>;
  /** Reads answered from this copy, waiting for the server's audit trail (never part of the mirror either). */
  auditOutbox: AuditOutbox;
  /** MARAC meetings taken offline (docs/marac.md, "A meeting with no network"). */
  meetingCopies: MeetingCopyStore;
  /** The MARAC areas last read from the server, for referrals made with no network. */
  maracAreas: MaracAreaListStore;
  /** The session's own `session.*` meta rows (device, verifier, lease), on this cache's connection. */
  sessionMeta: SessionMetaStore;
  /** Closes the database. */
  close(): Promise<void>;
}

/** The database handles a cache works on: reads may go to a read-only connection. */
export interface CacheDbHandles {
  read: Kysely<CacheDatabase>;
  write: Kysely<CacheDatabase>;
  close(): Promise<void>;
}

/** Opens the encrypted cache file and brings its schema up to date. */
export async function openCaseCache(args: { file: string; keyHex: string; nativeBinding?: string }): Promise<CaseCache> {
  // All SQL runs in the cache worker thread, never on the (Electron) main thread.
  const handles = await openCache(args);
  return createCaseCache(handles, cacheDirFor(args.file), args.keyHex);
}

/**
 * The cache over an already opened database (any dialect: the worker's, or a plain one in tests);
 * migrates it and sweeps stored document files orphaned by a crash. Closes the handles if that fails.
 * `keyHex` is the cache key, from which the document files' own key is derived (no key: no document content).
 */
export async function createCaseCache(handles: Kysely<CacheDatabase> | CacheDbHandles, cacheDir: string, keyHex?: string): Promise<CaseCache> {
  const { read, write: db } = handles instanceof Kysely ? { read: handles, write: handles } : handles;
  const close = handles instanceof Kysely ? () => handles.destroy() : () => handles.close();
  let fileKey: Buffer | null = null;
  try {
    fileKey = keyHex === undefined ? null : deriveDocumentFileKey(keyHex);
    await migrateCache(db);
    await sweepOrphanDocumentFiles(cacheDir, (ids) => keptDocumentIds(db, ids));
  } catch (error) {
    await close();
    throw error;
  }
  return {
    async cursor() {
      const row = await db.selectFrom('meta').select('value').where('key', '=', 'cursor').executeTakeFirst();
      return row?.value ?? null;
    },
    applyPullPage: (page) => applyPullPage(db, page, cacheDir),
    queue: (query) => queryQueue(read, query),
    queueChoices: () => queueChoices(read),
    caseTypes: () => queryCaseTypes(read),
    dashboard: (viewer, now) => queryDashboard(read, viewer, now),
    caseDetail: (caseId) => queryCaseDetail(read, caseId, new Date()),
    reportText: (reportId) => queryReportText(read, reportId),
    searchLocations: (text, limit) => searchLocations(read, text, limit),
    caseChronology: (caseId) => queryCaseChronology(read, caseId, new Date()),
    personProfile: (personId, at) => queryPersonProfile(read, personId, at),
    tasks: (user, view, at) => queryTaskList(read, user, view, at),
    taskDetail: (taskId, user, at) => queryTaskDetail(read, taskId, user, at),
    caseAgencies: (caseId) => queryCaseAgencies(read, caseId),
    searchPersons: (text, limit, dateOfBirth) => searchPersons(read, text, limit, dateOfBirth),
    searchCases: (text, limit) => searchCases(read, text, limit),
    personNames: (ids) => queryPersonNames(read, ids),
    caseLabels: (ids) => queryCaseLabels(read, ids),
    markersDueForReview: (agencyId, at) => queryMarkersDueForReview(read, agencyId, at),
    bootstrap: createBootstrapStore(db, cacheDir),
    documentContent: fileKey === null ? null : createDocumentContentStore(db, cacheDir, fileKey),
    async caseCount() {
      const row = await db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number(row.n);
    },
    auditOutbox: createAuditOutbox(db, () => new Date()),
    meetingCopies: createMeetingCopyStore(db),
    maracAreas: createMaracAreaListStore(db),
    sessionMeta: createSessionMetaStore(db),
    close,
  };
}
