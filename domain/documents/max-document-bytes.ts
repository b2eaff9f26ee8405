/** The size limit of one document, shared by whoever must respect it on the desktop side. */

/**
 * The largest document content, in bytes (20 MiB). The server's upload limit
 * (`server/documents/receive-upload.ts`) is the same number, pinned by a test, so the desktop
 * never downloads or holds more than the server could have accepted.
 */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;
