/** The app:// custom protocol: registered as privileged before ready, then serving dist/renderer with a strict CSP. */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { RENDERER_CSP } from '../main/loopback/renderer-csp.ts';
import { APP_SCHEME } from './app-origin.ts';
import { contentTypeFor } from './content-type.ts';
import { resolveRendererPath } from './resolve-renderer-path.ts';

/** Declares app:// standard and secure (a real origin, a secure context); must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer on app:// from `rendererDir`; anything outside it, or missing, is a 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(405, 'Method not allowed');
    }
    const file = resolveRendererPath(rendererDir, request.url);
    if (file === null) {
      return respond(404, 'Not found');
    }
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: headers(contentTypeFor(file)) });
    } catch {
      return respond(404, 'Not found');
    }
  });
}

function respond(status: number, text: string): Response {
  return new Response(text, { status, headers: headers('text/plain; charset=utf-8') });
}

function headers(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
    'cross-origin-opener-policy': 'same-origin',
    'x-frame-options': 'DENY',
  };
}
