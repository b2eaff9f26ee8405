/**
 * Who may use the loopback host. Default deny: every request needs the per-launch token, and every
 * request that is not a GET also needs our Origin, except a GET or HEAD of a file of the built renderer
 * named by a plain path. The decision never depends on how the router will decode the URL: an encoded,
 * double-encoded, absolute-form, case-variant or trailing-slash spelling of an IPC route is simply not
 * a renderer file, so it needs the token too. The IPC and event routes check again on the matched route.
 */
import { timingSafeEqual } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, sep } from 'node:path';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LOOPBACK_TOKEN_HEADER } from '../../domain/ipc/loopback-token.ts';


/** What the guard compares a request against. */
export interface LoopbackGuardOptions {
  token: string;
  /** Our own origin, e.g. `http://127.0.0.1:39215`; read when a request arrives (known after listen). */
  origin: () => string;
  rendererDir: string;
}

/** An `onRequest` hook for every request the host receives, matched to a route or not. */
export function loopbackGuard(options: LoopbackGuardOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    const origin = options.origin();
    // Only our own host, exactly: refuses DNS rebinding.
    if (request.headers.host !== new URL(origin).host) {
      return deny(reply, 'Wrong host.');
    }
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) {
      return deny(reply, 'Wrong origin.');
    }
    if (isRendererFile(request, options.rendererDir)) {
      return undefined;
    }
    return requireToken(options)(request, reply);
  };
}

/** A route-level `onRequest` hook: the token, and our Origin on anything but GET. */
export function requireToken(options: Pick<LoopbackGuardOptions, 'token'>) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.headers.origin === undefined) {
      return deny(reply, 'Missing origin.');
    }
    if (!tokenMatches(request, options.token)) {
      return deny(reply, 'Missing or wrong token.');
    }
    return undefined;
  };
}

// A plain path: no percent-encoding, no dot segments, no query, not absolute-form.
const PLAIN_PATH = /^\/(?:[A-Za-z0-9_-][A-Za-z0-9._-]*\/)*(?:[A-Za-z0-9_-][A-Za-z0-9._-]*)?$/;

function isRendererFile(request: FastifyRequest, rendererDir: string): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return false;
  }
  const path = request.raw.url ?? '';
  if (!PLAIN_PATH.test(path)) {
    return false;
  }
  if (path === '/') {
    return true;
  }
  const file = join(rendererDir, ...path.slice(1).split('/'));
  if (!file.startsWith(rendererDir + sep)) {
    return false;
  }
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

function tokenMatches(request: FastifyRequest, token: string): boolean {
  const given = request.headers[LOOPBACK_TOKEN_HEADER];
  if (typeof given !== 'string' || given.length !== token.length) {
    return false;
  }
  return timingSafeEqual(Buffer.from(given), Buffer.from(token));
}

function deny(reply: FastifyReply, message: string): FastifyReply {
  return reply.status(403).send({ ok: false, error: { code: 'authorization_error', message } });
}
