/** Which loader serves each synced entity. */
import type { SyncEntity } from '../../../domain/http/sync-schemas.ts';
import { loadAccessRequests, loadDocuments, loadMarkers, loadReports, loadTasks } from './content-loaders.ts';
import { loadAgencies, loadCases, loadCaseSubjects, loadPersons } from './core-loaders.ts';
import { loadCaseLocations, loadLocations } from './location-loaders.ts';
import { loadCaseTypes, loadSettings } from './reference-loaders.ts';
import type { SyncLoader } from './sync-record.ts';

export type { SyncLoader, SyncRecord } from './sync-record.ts';

/** The loader of each entity the pull serves. */
export const SYNC_LOADERS: Record<SyncEntity, SyncLoader> = {
  agency: loadAgencies,
  case: loadCases,
  person: loadPersons,
  case_subject: loadCaseSubjects,
  location: loadLocations,
  case_location: loadCaseLocations,
  report: loadReports,
  task: loadTasks,
  marker: loadMarkers,
  access_request: loadAccessRequests,
  document: loadDocuments,
  case_type: loadCaseTypes,
  setting: loadSettings,
};
