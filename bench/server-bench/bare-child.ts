/**
 * The ceiling: a bare Fastify (no plugins, no hooks, no logger) answering every GET with the bytes
 * of one real authorized page, read once from a file. Argument: the file.
 */
import { readFileSync } from 'node:fs';
import Fastify from 'fastify';
import { announceReady, argument } from './child-protocol.ts';

const body = readFileSync(argument(0, 'body file'));
const app = Fastify({ logger: false });
app.get('/*', (_request, reply) => {
  void reply.type('application/json; charset=utf-8').send(body);
});
announceReady(await app.listen({ host: '127.0.0.1', port: 0 }), () => app.close());
