/** Whether the user may change a cached marker: the server's `update` ability from the last sync (its owner agency's users). */

/** True only when the abilities JSON says `update: true`; unknown or unreadable abilities offer no change (the server re-checks anyway). */
export function isMarkerEditable(abilities: string | null): boolean {
  if (abilities === null) {
    return false;
  }
  try {
    const value: unknown = JSON.parse(abilities);
    return typeof value === 'object' && value !== null && (value as { update?: unknown }).update === true;
  } catch {
    return false;
  }
}
