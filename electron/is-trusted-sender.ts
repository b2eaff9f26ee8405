/** Whether an IPC message's sending frame may talk to the desktop core. */
import { isSameOrigin } from './is-same-origin.ts';

/**
 * True only for a frame whose URL is on the app's own origin. The caller also checks that the
 * frame is the window's main frame; a destroyed frame (no URL) is never trusted.
 */
export function isTrustedSender(frameUrl: string | null | undefined, expectedOrigin: string): boolean {
  if (typeof frameUrl !== 'string' || frameUrl === '') {
    return false;
  }
  return isSameOrigin(frameUrl, expectedOrigin);
}
