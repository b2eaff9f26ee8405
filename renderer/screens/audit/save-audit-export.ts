/** Saves a finished audit export, its manifest and its proofs side by side, through short-lived Blob URLs (nothing is rendered in the app). */
import type { AuditExportContent } from '../../../domain/ipc/audit-export-channels.ts';
import { saveBlob } from '../../components/save-blob.ts';
import { base64ToBytes } from '../case/base64-to-bytes.ts';

/**
 * Starts the download of the export's file, then of its manifest (JSON, as the server wrote it),
 * then of its proof file: the three `npm run audit:verify-export -- --manifest` reads.
 */
export function saveAuditExport(content: AuditExportContent): void {
  saveBlob(new Blob([base64ToBytes(content.base64)], { type: content.contentType }), content.fileName);
  saveBlob(new Blob([`${JSON.stringify(content.manifest, null, 2)}\n`], { type: 'application/json' }), content.manifestFileName);
  if (content.proofs) {
    saveBlob(new Blob([base64ToBytes(content.proofs.base64)], { type: 'application/json' }), content.proofs.fileName);
  }
}
