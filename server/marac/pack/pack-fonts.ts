/**
 * The fonts shipped with the pack engine (fonts/, Liberation Sans under the SIL Open Font Licence):
 * the pack looks the same on every server whatever fonts the machine has (docs/marac.md).
 */
import { readdirSync, readFileSync } from 'node:fs';

/** The family the template sets, with fallback off: a missing font is a compile warning, never a substitute. */
export const PACK_FONT_FAMILY = 'Liberation Sans';

const FONT_DIR = new URL('./fonts/', import.meta.url);

/** The shipped font files' bytes. */
export function packFontBlobs(): Buffer[] {
  const files = readdirSync(FONT_DIR).filter((f) => f.endsWith('.ttf')).sort();
  if (files.length === 0) {
    throw new Error('No fonts found beside the meeting pack engine');
  }
  return files.map((f) => readFileSync(new URL(f, FONT_DIR)));
}
