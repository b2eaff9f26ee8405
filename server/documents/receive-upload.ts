/** Reads a multipart upload: small text fields, and one file streamed to a temp blob. */
import type { FastifyRequest } from 'fastify';
import { CodedError } from '../../domain/errors.ts';
import { discard, stageBlob, type StagedBlob } from './blob-store.ts';

/** The largest document accepted, in bytes (20 MiB). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
/** Limits handed to the multipart parser for the upload route. */
export const UPLOAD_LIMITS = {
  fileSize: MAX_DOCUMENT_BYTES,
  files: 1,
  fields: 8,
  parts: 9,
  fieldNameSize: 64,
  fieldSize: 16 * 1024,
  headerPairs: 50,
} as const;

/** What the client sent: text fields by name, and the staged file. */
export interface ReceivedUpload {
  fields: Record<string, string>;
  file: { fileName: string; declaredType: string; staged: StagedBlob };
}

/** Streams the request's parts; the file goes to a temp file that the caller must commit or discard. */
export async function receiveUpload(request: FastifyRequest, dataDir: string): Promise<ReceivedUpload> {
  if (!request.isMultipart()) {
    throw new CodedError('validation_error', 'Send the document as multipart/form-data.');
  }
  const fields: Record<string, string> = {};
  let file: ReceivedUpload['file'] | null = null;
  try {
    for await (const part of request.parts({ limits: UPLOAD_LIMITS })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw new CodedError('validation_error', 'The document must be sent in a part named "file".');
        }
        const staged = await stageBlob(dataDir, part.file);
        file = { fileName: part.filename, declaredType: part.mimetype, staged };
        if (part.file.truncated) {
          throw new CodedError('payload_too_large', `A document may be at most ${MAX_DOCUMENT_BYTES / 1024 / 1024} MiB.`);
        }
      } else {
        if (typeof part.value !== 'string' || part.valueTruncated || part.fieldnameTruncated) {
          throw new CodedError('validation_error', `The field ${part.fieldname} could not be read.`);
        }
        if (Object.hasOwn(fields, part.fieldname)) {
          throw new CodedError('validation_error', `The field ${part.fieldname} was sent twice.`);
        }
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    if (file) {
      await discard(file.staged.tempPath);
    }
    throw error;
  }
  if (!file) {
    throw new CodedError('validation_error', 'No file was sent.');
  }
  return { fields, file };
}
