/** Maps an app:// request URL to a file under the renderer folder, refusing anything that could escape it. */
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_ORIGIN } from './app-origin.ts';

/**
 * The absolute path of the file an `app://casebridge/...` URL names inside `rendererDir`, or null
 * when the URL is not ours or its path is suspicious. Works on the raw (undecoded) path, so `..`
 * segments are refused even where a URL parser would have quietly normalised them away.
 */
export function resolveRendererPath(rendererDir: string, url: string): string | null {
  const prefix = `${APP_ORIGIN}/`;
  if (!url.startsWith(prefix)) {
    return null;
  }
  const rawPath = url.slice(prefix.length).split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  const segments = (decoded === '' ? 'index.html' : decoded).split('/');
  if (!segments.every(isSafeSegment)) {
    return null;
  }
  const root = resolve(rendererDir);
  const file = resolve(root, ...segments);
  const inside = relative(root, file);
  if (inside === '' || inside.startsWith(`..${sep}`) || inside === '..' || isAbsolute(inside)) {
    return null;
  }
  return file;
}

// No empty, dot or dotfile segments; no backslash, colon (drive letters, NTFS streams) or control characters.
function isSafeSegment(segment: string): boolean {
  // eslint-disable-next-line no-control-regex
  return segment !== '' && !segment.startsWith('.') && !/[\\:\u0000-\u001f\u007f]/.test(segment);
}
