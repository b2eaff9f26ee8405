/** Test data builders with overrides (synthetic data only). Used by *.test.ts, never by the app. */
import type { SessionUser } from '../../domain/entities.ts';
import type { CaseDetailView } from '../../domain/ipc/case-detail-view.ts';
import type { QueueRow } from '../../domain/ipc/contract.ts';
import type { UiSettings } from '../../domain/ipc/preferences-channels.ts';
import type { RejectedChange } from '../../domain/ipc/sync-channels.ts';
import type { SyncStatus } from '../../domain/ipc/sync-status.ts';

/** An online, idle, never-synced status unless overridden; `upToDate` is whatever the test says (the core derives it). */
export function buildSyncStatus(overrides: Partial<SyncStatus> = {}): SyncStatus {
  return {
    connection: 'online',
    phase: 'idle',
    pendingChanges: 0,
    lastSuccessAt: null,
    lastError: null,
    cachedCases: 0,
    rejectedCount: 0,
    conflictCount: 0,
    reviewCount: 0,
    upToDate: false,
    ...overrides,
  };
}

/** A practitioner at a synthetic police force. */
export function buildSessionUser(overrides: Partial<SessionUser> = {}): SessionUser {
  return {
    id: '7d0c8f7e-3b1a-4c55-9a55-0f3f1b7a2c01',
    username: 'pc.test',
    displayName: 'Test Constable',
    role: 'practitioner',
    agencyId: '0b7e4c2a-5d6f-4e8a-9b1c-2d3e4f5a6b7c',
    agencyName: 'Exampleshire Police',
    teamIds: [],
    ...overrides,
  };
}

/** One open, medium-risk ASB case. */
export function buildQueueRow(overrides: Partial<QueueRow> = {}): QueueRow {
  return {
    id: '3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e6d',
    reference: 'ASB-2026-0001',
    title: 'Noise nuisance, Example Street',
    caseType: 'asb',
    caseTypeLabel: 'Anti-social behaviour',
    ownerAgencyName: 'Exampleshire Council',
    status: 'open',
    riskLevel: 'medium',
    reviewDate: null,
    updatedAt: '2026-11-24T09:30:00.000Z',
    markerTypes: [],
    ...overrides,
  };
}

/** A case risk change the server refused for lack of permission. */
export function buildRejectedChange(overrides: Partial<RejectedChange> = {}): RejectedChange {
  return {
    mutationId: 7,
    name: 'case.update',
    args: { caseId: '3f9a1c2e-8b7d-4e6f-a5c4-b3a2918f7e6d', riskLevel: 'very_high' },
    error: { code: 'authorization_error', message: 'You may not update this case.' },
    createdAt: '2026-11-24T09:30:00.000Z',
    ...overrides,
  };
}

/** The settings of a machine without policy: defaults everywhere, documents may be saved. */
export function buildUiSettings(effective: Partial<UiSettings['effective']> = {}, idleLockMaxMinutes = 10): UiSettings {
  return {
    preferences: {},
    effective: { theme: 'system', queuePageSize: 50, columnWidths: {}, lastFilter: {}, idleLockMinutes: idleLockMaxMinutes, exportsAllowed: true, ...effective },
    idleLockMaxMinutes,
  };
}

/** Two documents of a case, newest first. */
export function buildCaseDocuments(): CaseDetailView['documents'] {
  return [
    { id: '5b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d', fileName: 'Door photo.png', contentType: 'image/png', sizeBytes: 2458, createdAt: '2026-11-24T09:30:00.000Z', deletable: true, waitingToSync: false },
    { id: '6c2a3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e', fileName: 'Tenancy agreement.pdf', contentType: 'application/pdf', sizeBytes: 150 * 1024, createdAt: '2026-10-01T09:00:00.000Z', deletable: false, waitingToSync: false },
  ];
}
