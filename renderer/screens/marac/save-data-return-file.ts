/** Saves a data return file (CSV or XLSX), as the meeting pack is saved. */
import type { DataReturnFile } from '../../../domain/marac/data-return-record.ts';
import { saveBlob } from '../../components/save-blob.ts';
import { base64ToBytes } from '../case/base64-to-bytes.ts';

/** Starts the download of the file under its name. */
export function saveDataReturnFile(file: DataReturnFile): void {
  saveBlob(new Blob([base64ToBytes(file.contentBase64)], { type: file.mediaType }), file.fileName);
}
