/** Offers a document's content as a download (nothing is rendered in the app). */
import type { DocumentContent } from '../../../domain/ipc/document-channels.ts';
import { saveBlob } from '../../components/save-blob.ts';
import { base64ToBytes } from './base64-to-bytes.ts';

/** Starts the download of `content` under its file name. */
export function saveDocument(content: DocumentContent): void {
  saveBlob(new Blob([base64ToBytes(content.base64)], { type: content.contentType }), content.fileName);
}
