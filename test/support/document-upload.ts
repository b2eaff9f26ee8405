/** Uploads documents to a test server the way a client does: multipart/form-data to POST /cases/:caseId/documents. */
import { newId } from '../../domain/ids.ts';
import type { TestServer } from './test-server.ts';

/** One file part: its name, declared type and bytes. */
export interface UploadFile {
  name: string;
  type: string;
  content: Buffer;
}

/** A multipart/form-data body with text fields and one file part (none when `file` is null). */
export function multipart(fields: Record<string, string>, file: UploadFile | null): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----cbtest${newId()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`, 'utf8'));
    parts.push(file.content, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Uploads a file to a case and returns the stored document's id; fails loudly unless the server answers 201. */
export async function uploadDocument(server: TestServer, accessToken: string, caseId: string, file: UploadFile, fields: Record<string, string> = {}): Promise<{ id: string }> {
  const body = multipart(fields, file);
  const res = await server.app.inject({
    method: 'POST', url: `/cases/${caseId}/documents`, payload: body.payload, headers: { ...body.headers, authorization: `Bearer ${accessToken}` },
  });
  if (res.statusCode !== 201) {
    throw new Error(`upload failed: ${res.statusCode} ${res.body}`);
  }
  return { id: res.json<{ id: string }>().id };
}
