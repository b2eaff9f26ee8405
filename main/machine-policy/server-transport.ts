/**
 * Which server URLs a desktop may talk to: https always; plain http only to this machine, and only in
 * development (an unpackaged run). A packaged desktop never sends a token or a victim's address in clear.
 */

/** Hosts that never leave this machine. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Why a server URL is refused, or null when it may be used. */
export function serverTransportProblem(serverUrl: string, isPackaged: boolean): string | null {
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return 'the server URL is not a URL';
  }
  if (url.protocol === 'https:') {
    return null;
  }
  if (url.protocol !== 'http:') {
    return 'the server URL must be https';
  }
  if (isPackaged) {
    return 'an installed Casebridge talks to its server only over https';
  }
  return LOOPBACK_HOSTS.has(url.hostname) ? null : 'plain http is allowed only to this computer (127.0.0.1 or localhost), in development';
}
