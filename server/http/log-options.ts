/**
 * What the request log may hold: method, path, status, timing and the client address. Query
 * strings carry search terms (names, dates of birth, addresses), so they are never logged; bodies
 * and headers never are; errors are logged by class and code, never by message.
 */
import type { FastifyServerOptions } from 'fastify';

/** Where log lines go instead of stdout (tests capture them). */
export interface LogDestination {
  write(line: string): void;
}

/** Fastify logger options for the API; `destination` replaces stdout. */
export function loggerOptions(destination?: LogDestination): NonNullable<FastifyServerOptions['logger']> {
  return {
    level: 'info',
    // Belt and braces: the req serializer below logs no headers, but a hand-written log line might.
    redact: ['req.headers.authorization', 'req.headers.cookie'],
    serializers: { req: logRequest, err: logError },
    ...(destination ? { stream: destination } : {}),
  };
}

/**
 * A URL without its query: the path, and `?[redacted]` when there was a query, so an operator sees
 * that one was sent without learning what. Parameter names are dropped too, since a client writes them.
 */
export function redactedUrl(url: string): string {
  const at = url.indexOf('?');
  return at === -1 ? url : `${url.slice(0, at)}?[redacted]`;
}

function logRequest(request: { method: string; url: string; ip?: string }): Record<string, unknown> {
  return { method: request.method, url: redactedUrl(request.url), remoteAddress: request.ip };
}

// A driver's or parser's message can echo SQL, a value or a body fragment: keep only what kind of error it was.
function logError(error: { name?: unknown; code?: unknown }): { type: string; message: string; stack: string; code?: string } {
  return {
    type: typeof error.name === 'string' ? error.name : 'Error', message: '[redacted]', stack: '[redacted]',
    ...(typeof error.code === 'string' ? { code: error.code } : {}),
  };
}
