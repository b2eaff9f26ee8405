/** Saves a meeting pack copy (a PDF) through a short-lived Blob URL; nothing is rendered in the app. */
import type { MeetingPackFile } from '../../../domain/entities/marac-meeting.ts';
import { base64ToBytes } from '../case/base64-to-bytes.ts';

// Chromium takes hold of the Blob when the click starts the download; the delay only covers a busy page.
const REVOKE_AFTER_MS = 1_000;

/** Starts the download of the copy under its file name. */
export function saveMeetingPack(file: MeetingPackFile): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.pdfBase64)], { type: 'application/pdf' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
