/** Core events to the browser as Server-Sent Events over a fetch stream (the token stays in a header). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DesktopCore } from '../core/desktop-core.ts';

/** Streams events until the browser goes away. */
export function streamEvents(core: DesktopCore, request: FastifyRequest, reply: FastifyReply): void {
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.write(': connected\n\n');
  const unsubscribe = core.onEvent((event, payload) => {
    res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
  request.raw.on('close', () => {
    clearInterval(heartbeat);
    unsubscribe();
  });
}
