/** Whether the user may delete a cached document: the server's `delete` ability from the last sync (its uploader or a manager of its agency). */

/** True only when the abilities JSON says `delete: true`; unknown or unreadable abilities offer no deletion (the server re-checks anyway). */
export function isDocumentDeletable(abilities: string | null): boolean {
  if (abilities === null) {
    return false;
  }
  try {
    const value: unknown = JSON.parse(abilities);
    return typeof value === 'object' && value !== null && (value as { delete?: unknown }).delete === true;
  } catch {
    return false;
  }
}
