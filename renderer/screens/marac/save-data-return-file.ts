/** Saves a data return file (CSV or XLSX) through a short-lived Blob URL, as the meeting pack is saved. */
import type { DataReturnFile } from '../../../domain/marac/data-return-record.ts';
import { base64ToBytes } from '../case/base64-to-bytes.ts';

const REVOKE_AFTER_MS = 1_000;

/** Starts the download of the file under its name. */
export function saveDataReturnFile(file: DataReturnFile): void {
  const url = URL.createObjectURL(new Blob([base64ToBytes(file.contentBase64)], { type: file.mediaType }));
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
