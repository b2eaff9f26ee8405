/** Offers a document's content as a download through a short-lived Blob URL (nothing is rendered in the app). */
import type { DocumentContent } from '../../../domain/ipc/document-channels.ts';
import { base64ToBytes } from './base64-to-bytes.ts';

// Chromium takes hold of the Blob when the click starts the download; the delay only covers a busy page.
const REVOKE_AFTER_MS = 1_000;

/** Starts the download of `content` under its file name, then revokes the URL so the bytes do not stay reachable. */
export function saveDocument(content: DocumentContent): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(content.base64)], { type: content.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = content.fileName;
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
