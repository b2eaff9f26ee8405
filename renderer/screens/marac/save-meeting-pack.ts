/** Saves a meeting pack copy (a PDF); nothing is rendered in the app. */
import type { MeetingPackFile } from '../../../domain/entities/marac-meeting.ts';
import { saveBlob } from '../../components/save-blob.ts';
import { base64ToBytes } from '../case/base64-to-bytes.ts';

/** Starts the download of the copy under its file name. */
export function saveMeetingPack(file: MeetingPackFile): void {
  saveBlob(new Blob([base64ToBytes(file.pdfBase64)], { type: 'application/pdf' }), file.fileName);
}
