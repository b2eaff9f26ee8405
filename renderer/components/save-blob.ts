/** Offers bytes as a download through a short-lived Blob URL; nothing is rendered in the app. */

// Chromium takes hold of the Blob when the click starts the download; the delay only covers a busy page.
const REVOKE_AFTER_MS = 1_000;

/** Starts the download of `blob` under `fileName`, then revokes the URL so the bytes do not stay reachable. */
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
