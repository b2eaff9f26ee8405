/**
 * The loopback host: the same desktop core served to a browser on 127.0.0.1, for development,
 * demos and end-to-end tests when no Electron binary is present. A packaged app never starts it.
 * Guarded by a random per-launch token, an exact Host check (DNS rebinding) and an Origin check on every
 * request, matched to a route or not (loopback-guard.ts).
 */
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import Fastify from 'fastify';
import fastifyStatic from '@fastify/static';
import { CHANNEL_NAMES, type ChannelName } from '../../domain/ipc/contract.ts';
import type { DesktopCore } from '../core/desktop-core.ts';
import { RENDERER_CSP } from './renderer-csp.ts';
import { streamEvents } from './event-stream.ts';
import { loopbackGuard, requireToken } from './loopback-guard.ts';

/** A running loopback host. */
export interface LoopbackHost {
  /** The URL to open, with the token in the fragment (never sent to the server in a request line). */
  url: string;
  origin: string;
  token: string;
  close(): Promise<void>;
}

/** Starts the host on 127.0.0.1 (port 0 picks a free one). */
export async function startLoopbackHost(args: { core: DesktopCore; rendererDir: string; port?: number }): Promise<LoopbackHost> {
  const token = randomBytes(32).toString('base64url');
  const rendererDir = resolve(args.rendererDir);
  const app = Fastify({ logger: false, bodyLimit: 256 * 1024 });
  let origin = '';

  // Default deny on every request, matched or not; the token again on the IPC and event routes.
  app.addHook('onRequest', loopbackGuard({ token, origin: () => origin, rendererDir }));
  const onRequest = requireToken({ token });
  app.addHook('onSend', async (_request, reply) => {
    reply.header('content-security-policy', RENDERER_CSP);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('cache-control', 'no-store');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
  });

  app.post<{ Params: { channel: string }; Body: unknown }>('/ipc/:channel', { onRequest }, async (request, reply) => {
    const channel = request.params.channel;
    if (!(CHANNEL_NAMES as string[]).includes(channel)) {
      return reply.status(404).send({ ok: false, error: { code: 'not_found', message: 'Unknown channel.' } });
    }
    const body = request.body;
    const input = typeof body === 'object' && body !== null && 'input' in body ? body.input : undefined;
    return reply.send(await args.core.handle(channel as ChannelName, input));
  });
  app.get('/events', { onRequest }, (request, reply) => streamEvents(args.core, request, reply));
  await app.register(fastifyStatic, { root: rendererDir, index: 'index.html', dotfiles: 'deny' });

  const address = await app.listen({ host: '127.0.0.1', port: args.port ?? 0 });
  origin = address.replace('localhost', '127.0.0.1');
  return { url: `${origin}/#token=${token}`, origin, token, close: () => app.close() };
}
