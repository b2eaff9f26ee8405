/**
 * The real-time socket goes through the proxy HTTP would use (security review, transport): a real
 * HTTP CONNECT proxy sits between the socket and a real server, and the socket still authenticates.
 */
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PokeSocket } from '../../main/sync/poke-socket.ts';
import { agentForProxyAnswer, type SocketTransport } from '../../main/sync/socket-transport.ts';
import { signIn } from '../support/case-factories.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { eventually } from './sync-harness.ts';

describe('the poke socket through a proxy', () => {
  let server: TestServer;
  let proxy: Server;
  let proxyPort = 0;
  let token = '';
  const tunnels: string[] = [];

  beforeAll(async () => {
    server = await startTestServer('sqlite');
    const officer = await buildUser(server.db, { agencyId: await buildAgency(server.db), password: 'proxy-pass-1' });
    token = await signIn(server, officer.username, officer.password);
    // A minimal forward proxy: CONNECT host:port, then bytes both ways.
    proxy = createServer((_request, response) => response.writeHead(405).end());
    proxy.on('connect', (request, client, head) => {
      tunnels.push(request.url ?? '');
      const [host, port] = (request.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    proxyPort = (proxy.address() as AddressInfo).port;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    await new Promise((resolve) => proxy.close(resolve));
    await server.stop();
  });

  async function readyThrough(answer: string): Promise<void> {
    let ready = 0;
    const transport: SocketTransport = { agentFor: () => Promise.resolve(agentForProxyAnswer(answer, undefined) ?? undefined) };
    const socket = new PokeSocket({ serverUrl: server.url, token: () => Promise.resolve(token), onPoke: () => undefined, onReady: () => (ready += 1), transport });
    socket.start();
    try {
      await eventually(() => expect(ready).toBeGreaterThan(0), 5000);
    } finally {
      socket.stop();
    }
  }

  it('tunnels through the PROXY entry of the answer and authenticates', async () => {
    tunnels.length = 0;
    await readyThrough(`SOCKS5 127.0.0.1:1; PROXY 127.0.0.1:${proxyPort}; DIRECT`);
    expect(tunnels).toEqual([new URL(server.url).host]);
  });

  it('connects directly when the answer says DIRECT', async () => {
    tunnels.length = 0;
    await readyThrough('DIRECT');
    expect(tunnels).toEqual([]);
  });
});

describe('agentForProxyAnswer', () => {
  it('takes the first usable entry and says when there is none', () => {
    expect(agentForProxyAnswer('DIRECT', undefined)).toBeUndefined();
    expect(agentForProxyAnswer('SOCKS5 10.0.0.1:1080', undefined)).toBeNull();
    const agent = agentForProxyAnswer('HTTPS proxy.example:443; DIRECT', ['CA']) as unknown as { proxy: URL };
    expect(agent.proxy.href).toBe('https://proxy.example/');
  });
});
