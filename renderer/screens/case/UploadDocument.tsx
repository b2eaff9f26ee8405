/**
 * "Attach a file" on the case's documents: choose a file, see a refusal (size, type) worded beside
 * the control before anything is sent, attach it, and see its SHA-256. Offline too: the file is kept
 * sealed on this computer and uploaded when it is next in sync (docs/sync.md, "Documents"); the
 * server then checks the content and seals its own copy (docs/security.md).
 */
import { useId, useState } from 'react';
import { DOCUMENT_CONTENT_TYPES } from '../../../domain/documents/content-types.ts';
import { checkUploadChoice } from '../../../domain/documents/upload-choice.ts';
import type { QueuedUpload } from '../../../domain/ipc/document-channels.ts';
import { useDesktopApi } from '../../api/desktop-api-context.ts';
import { useSubmit } from '../../api/use-submit.ts';
import { ALLOWED_FILES_WORDS, uploadErrorWords, uploadRefusalWords } from '../../words/upload-words.ts';
import { readFileBase64 } from './read-file-base64.ts';
import styles from './UploadDocument.module.css';

/** The file picker's filter: the allowed extensions (a hint only; the check decides). */
const ACCEPT = Object.values(DOCUMENT_CONTENT_TYPES).flatMap((rule) => rule.extensions.map((e) => `.${e}`)).join(',');

/** The case the file goes on. */
export interface UploadDocumentProps {
  caseId: string;
}

/** The picker, its hint and refusal, the Upload button and the stored file's SHA-256. */
export function UploadDocument({ caseId }: UploadDocumentProps) {
  const api = useDesktopApi();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [stored, setStored] = useState<QueuedUpload | null>(null);
  const upload = useSubmit(
    async (chosen: File) => api['documents.upload']({ caseId, fileName: chosen.name, contentType: chosen.type, base64: await readFileBase64(chosen) }),
    { onSuccess: (record) => setStored(record) },
  );
  const problem = refusal ?? (upload.error ? uploadErrorWords(upload.error) : null);

  function choose(chosen: File | null): void {
    setStored(null);
    setFile(chosen);
    const refused = chosen ? checkUploadChoice(chosen) : null;
    setRefusal(chosen && refused ? uploadRefusalWords(refused, chosen) : null);
  }

  return (
    <div className={styles.upload}>
      <label className="field__label" htmlFor={`${id}-file`}>
        Attach a file
      </label>
      <input
        id={`${id}-file`}
        type="file"
        className={styles.picker}
        accept={ACCEPT}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        onChange={(event) => choose(event.target.files?.[0] ?? null)}
      />
      <p id={`${id}-hint`} className={styles.hint}>
        {ALLOWED_FILES_WORDS}; at most 20 MB. Without a connection it is kept on this computer and sent when it is next in sync.
      </p>
      {problem && (
        <p id={`${id}-problem`} className="field__error" role="alert">
          {problem}
        </p>
      )}
      <div>
        <button type="button" className="button" disabled={file === null || refusal !== null || upload.busy} onClick={() => file && void upload.submit(file)}>
          {upload.busy ? 'Uploading…' : 'Upload'}
        </button>
      </div>
      {stored && (
        <p className={styles.stored} role="status" data-testid="uploaded-document">
          {stored.waitingToSync ? `Kept ${stored.fileName} on this computer, waiting to sync.` : `Uploaded ${stored.fileName}.`} SHA-256:{' '}
          <code className={styles.hash}>{stored.sha256}</code>
        </p>
      )}
    </div>
  );
}
