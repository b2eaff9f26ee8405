/** Saves a bundle's JSON and PDF side by side (nothing of it is kept in the app). */
import type { SarBundleFiles } from '../../../domain/http/sar-routes.ts';
import { saveBlob } from '../../components/save-blob.ts';
import { base64ToBytes } from '../case/base64-to-bytes.ts';

/** Starts the downloads of `<name>.json` and `<name>.pdf`. */
export function saveSarBundle(files: SarBundleFiles): void {
  saveBlob(new Blob([files.json], { type: 'application/json' }), `${files.fileBaseName}.json`);
  saveBlob(new Blob([base64ToBytes(files.pdfBase64)], { type: 'application/pdf' }), `${files.fileBaseName}.pdf`);
}
