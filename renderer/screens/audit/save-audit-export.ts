/** Saves a finished audit export, its manifest and its proofs side by side, through short-lived Blob URLs (nothing is rendered in the app). */
import type { AuditExportContent } from '../../../domain/ipc/audit-export-channels.ts';
import { base64ToBytes } from '../case/base64-to-bytes.ts';

// Chromium takes hold of the Blob when the click starts the download; the delay only covers a busy page.
const REVOKE_AFTER_MS = 1_000;

/** Starts the download of one file through a short-lived Blob URL. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

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
