/** The short summary of a report's text that the case screen lists. */

/** Characters a summary keeps at most (before the ellipsis). */
export const REPORT_SUMMARY_CHARS = 240;

/**
 * Collapses whitespace and cuts at the last word boundary within `max` characters, adding "…" when
 * text was cut. `more` says the text is only the start of a longer body, so it ends in "…" whatever its length.
 */
export function reportSummary(text: string, max = REPORT_SUMMARY_CHARS, more = false): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) {
    return more ? `${flat}…` : flat;
  }
  const head = flat.slice(0, max + 1);
  const space = head.lastIndexOf(' ');
  // Text with no space to cut at (one very long word) is cut mid-word rather than dropped.
  const cut = space > 0 ? head.slice(0, space) : flat.slice(0, max);
  return `${cut.trimEnd()}…`;
}
