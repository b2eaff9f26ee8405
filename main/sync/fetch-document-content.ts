/** Downloads the content of cached documents for offline reading, a few per sync, never failing the sync. */
import { createHash } from 'node:crypto';
import { CodedError, type ErrorCode } from '../../domain/errors.ts';
import { MAX_DOCUMENT_BYTES } from '../../domain/documents/max-document-bytes.ts';
import type { ApiClient } from '../api/api-client.ts';
import type { CaseCache } from '../cache/case-cache.ts';
import type { CachedDocumentMeta, DocumentContentStore } from '../cache/document-content.ts';

/** Documents downloaded per sync run by default: enough to catch up, few enough not to hold a sync for long. */
export const DEFAULT_DOCUMENTS_PER_SYNC = 20;

// Failures that belong to one document; anything else (offline, signed out, cache closed) ends the run.
const PER_DOCUMENT_CODES: ReadonlySet<ErrorCode> = new Set(['not_found', 'authorization_error', 'internal_error', 'payload_too_large']);

/**
 * Downloads one document's content, checks it against the cached size and SHA-256 and stores it
 * sealed. `kept` is false when the document left the cache meanwhile (then nothing is on disk).
 */
export async function downloadDocumentContent(
  store: DocumentContentStore, api: ApiClient, accessToken: () => Promise<string>, doc: CachedDocumentMeta, signal?: AbortSignal,
): Promise<{ content: Buffer; kept: boolean }> {
  if (doc.sizeBytes > MAX_DOCUMENT_BYTES) {
    throw new CodedError('payload_too_large', 'This document is larger than any document the server accepts.');
  }
  const input = { params: { id: doc.id }, accessToken: await accessToken(), ...(signal ? { signal } : {}) };
  const { bytes } = await api.download('downloadDocument', input, MAX_DOCUMENT_BYTES);
  if (bytes.length !== doc.sizeBytes || createHash('sha256').update(bytes).digest('hex') !== doc.sha256) {
    throw new CodedError('internal_error', 'The downloaded document does not match its checksum; it was not kept.');
  }
  return { content: bytes, kept: await store.write(doc.id, bytes) };
}

/** What one run did. */
export interface DocumentFetchOutcome {
  stored: number;
  /** Documents that failed on their own (gone, refused, corrupt, too large); the next run tries them again, last. */
  failed: number;
  /** Whether the run stopped early (offline, signed out), leaving the rest for the next sync. */
  stopped: boolean;
}

/**
 * Fetches missing content after a sync, at most `perRun` documents a run, newest first. A document
 * that failed goes to the back of the line (in memory), so a few broken ones never starve the rest.
 */
export class DocumentContentFetcher {
  readonly #failedAt = new Map<string, number>();
  #runs = 0;

  constructor(private readonly perRun = DEFAULT_DOCUMENTS_PER_SYNC) {}

  /**
   * One bounded run over the cache's missing content; never throws, since no outcome here may fail a
   * sync. An abort (the session locks or ends) cancels the download under way and stops the run.
   */
  async fetchMissing(cache: CaseCache, api: ApiClient, accessToken: () => Promise<string>, signal?: AbortSignal): Promise<DocumentFetchOutcome> {
    const outcome: DocumentFetchOutcome = { stored: 0, failed: 0, stopped: false };
    const store = cache.documentContent;
    if (!store || this.perRun <= 0) {
      return outcome;
    }
    this.#runs += 1;
    try {
      for (const doc of await this.#nextBatch(store)) {
        if (signal?.aborted) {
          outcome.stopped = true;
          return outcome;
        }
        try {
          if ((await downloadDocumentContent(store, api, accessToken, doc, signal)).kept) {
            outcome.stored += 1;
          }
          this.#failedAt.delete(doc.id);
        } catch (error) {
          if (!(error instanceof CodedError) || !PER_DOCUMENT_CODES.has(error.code)) {
            outcome.stopped = true;
            return outcome;
          }
          this.#failedAt.set(doc.id, this.#runs);
          outcome.failed += 1;
        }
      }
    } catch {
      outcome.stopped = true; // the cache closed under us (lock, sign-out): the next sync starts over
    }
    return outcome;
  }

  async #nextBatch(store: DocumentContentStore): Promise<CachedDocumentMeta[]> {
    const missing = (await store.missing()).filter((d) => d.sizeBytes <= MAX_DOCUMENT_BYTES);
    const ids = new Set(missing.map((d) => d.id));
    for (const id of this.#failedAt.keys()) {
      if (!ids.has(id)) {
        this.#failedAt.delete(id);
      }
    }
    const rank = (d: CachedDocumentMeta) => this.#failedAt.get(d.id) ?? 0;
    // Stable sort: never-failed first in the store's newest-first order, then the longest-ago failures.
    return missing.sort((a, b) => rank(a) - rank(b)).slice(0, this.perRun);
  }
}
