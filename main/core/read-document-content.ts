/** The `documents.content` channel: a cached document's content from the offline copy, downloaded first if need be. */
import { CodedError } from '../../domain/errors.ts';
import type { DocumentContent } from '../../domain/ipc/document-channels.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { CaseCache } from '../cache/case-cache.ts';
import { downloadDocumentContent } from '../sync/fetch-document-content.ts';
import { OFFLINE_CODES } from '../sync/sync-engine.ts';

/** What answering needs: the unlocked session's cache, the API and a way to get an access token. */
export interface DocumentContentDeps {
  cache: CaseCache;
  api: ApiClient;
  accessToken: () => Promise<string>;
}

/**
 * The content only of a document the cache holds (`not_found` otherwise, so nothing is fetched
 * that the last sync did not show). A stored copy is read and verified; without one, the content
 * is downloaded, checked and stored; offline, that is `network_error` saying so.
 */
export async function readDocumentContent(deps: DocumentContentDeps, documentId: string): Promise<DocumentContent> {
  const store = deps.cache.documentContent;
  if (!store) {
    throw new CodedError('internal_error', 'This offline copy cannot hold documents.');
  }
  const meta = await store.meta(documentId);
  if (!meta) {
    throw notCached();
  }
  let content = await store.read(documentId);
  if (content === null) {
    try {
      content = (await downloadDocumentContent(store, deps.api, deps.accessToken, meta)).content;
    } catch (error) {
      if (error instanceof CodedError && OFFLINE_CODES.has(error.code)) {
        throw new CodedError('network_error', 'This document is not available offline yet; it is downloaded at the next sync with the server.');
      }
      throw error;
    }
    // Removed while it downloaded (access revoked): it was not kept, and it is not shown either.
    if (!(await store.meta(documentId))) {
      throw notCached();
    }
  }
  return { documentId, fileName: meta.fileName, contentType: meta.contentType, sizeBytes: content.length, base64: content.toString('base64') };
}

function notCached(): CodedError {
  return new CodedError('not_found', 'This document is not in your offline copy.');
}
