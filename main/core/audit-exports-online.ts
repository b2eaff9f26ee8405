/**
 * The `auditExports.*` channels: a data officer's exports run on the server, so each call goes
 * there (the server checks the role and audits). Offline, each is `network_error` saying so.
 */
import { createHash } from 'node:crypto';
import type { AuditExportJob, CreateAuditExport } from '../../domain/audit/audit-export.ts';
import { CodedError } from '../../domain/errors.ts';
import { MAX_SAVED_EXPORT_BYTES, MAX_SAVED_PROOFS_BYTES, type AuditExportContent } from '../../domain/ipc/audit-export-channels.ts';
import type { ApiClient } from '../api/api-client.ts';

// The server could not be reached (a too-many-requests refusal is not being offline, so it passes through).
const UNREACHABLE_CODES: ReadonlySet<string> = new Set(['network_error', 'server_unavailable']);

/** What the calls need: the API and an access token. */
export interface AuditExportDeps {
  api: ApiClient;
  accessToken: () => Promise<string>;
}

async function online<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof CodedError && UNREACHABLE_CODES.has(error.code)) {
      throw new CodedError('network_error', 'Audit exports are made on the server: try again when this computer is connected.');
    }
    throw error;
  }
}

/** Starts an export. */
export function createAuditExport(deps: AuditExportDeps, input: CreateAuditExport): Promise<AuditExportJob> {
  return online(async () => deps.api.call('createAuditExport', { body: input, accessToken: await deps.accessToken() }));
}

/** An export's status and progress. */
export function auditExportStatus(deps: AuditExportDeps, exportId: string): Promise<AuditExportJob> {
  return online(async () => deps.api.call('getAuditExport', { params: { id: exportId }, accessToken: await deps.accessToken() }));
}

/** Cancels (or discards) an export. */
export function cancelAuditExport(deps: AuditExportDeps, exportId: string): Promise<AuditExportJob> {
  return online(async () => deps.api.call('deleteAuditExport', { params: { id: exportId }, accessToken: await deps.accessToken() }));
}

/**
 * The finished file, its manifest and its proof file. Each must match the manifest's size and
 * SHA-256, or nothing is handed over; one larger than the desktop takes through IPC is payload_too_large.
 */
export function auditExportContent(deps: AuditExportDeps, exportId: string): Promise<AuditExportContent> {
  return online(async () => {
    const manifest = await deps.api.call('getAuditExportManifest', { params: { id: exportId }, accessToken: await deps.accessToken() });
    if (manifest.byteLength > MAX_SAVED_EXPORT_BYTES) {
      throw new CodedError('payload_too_large',
        `This export is ${Math.ceil(manifest.byteLength / 1048576)} MB, more than the ${MAX_SAVED_EXPORT_BYTES / 1048576} MB the desktop can save; narrow its filters.`);
    }
    const { bytes, contentType } = await deps.api.download('downloadAuditExport',
      { params: { id: exportId }, accessToken: await deps.accessToken() }, MAX_SAVED_EXPORT_BYTES);
    if (bytes.length !== manifest.byteLength || createHash('sha256').update(bytes).digest('hex') !== manifest.sha256) {
      throw new CodedError('internal_error', 'The downloaded export does not match its manifest; it was not saved.');
    }
    let proofs: AuditExportContent['proofs'];
    if (manifest.proofs) {
      if (manifest.proofs.byteLength > MAX_SAVED_PROOFS_BYTES) {
        throw new CodedError('payload_too_large',
          `This export's proof file is ${Math.ceil(manifest.proofs.byteLength / 1048576)} MB, more than the desktop can save; narrow its filters.`);
      }
      const proofBytes = (await deps.api.download('downloadAuditExportProofs',
        { params: { id: exportId }, accessToken: await deps.accessToken() }, MAX_SAVED_PROOFS_BYTES)).bytes;
      if (createHash('sha256').update(proofBytes).digest('hex') !== manifest.proofs.sha256) {
        throw new CodedError('internal_error', 'The downloaded proof file does not match its manifest; nothing was saved.');
      }
      proofs = { fileName: manifest.proofs.fileName, base64: proofBytes.toString('base64') };
    }
    return {
      exportId, fileName: manifest.fileName, contentType, sizeBytes: bytes.length, base64: bytes.toString('base64'), manifest,
      manifestFileName: manifest.fileName.replace(/\.[a-z]+$/, '.manifest.json'), ...(proofs ? { proofs } : {}),
    };
  });
}
