/**
 * The loopback host refuses every spelling of its IPC and event routes without the per-launch token
 * (security review: `/%69pc/cases.search` answered case hits to any local process). A real core is
 * signed in with a searchable case, so a leak would show as hits, not only as a status code.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoopbackHost, type LoopbackHost } from '../../main/loopback/loopback-host.ts';
import { callCore } from '../support/core-call.ts';
import { startCoreWorld, type CoreWorld } from '../support/core-world.ts';

/** Sends one request exactly as written (request line included) and returns the status and body. */
function rawRequest(port: number, head: string, body = ''): Promise<{ status: number; body: string }> {
  return new Promise((resolvePromise, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
    });
    socket.on('error', reject);
    socket.on('end', () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(received)?.[1] ?? 0);
      resolvePromise({ status, body: received.slice(received.indexOf('\r\n\r\n') + 4) });
    });
    socket.write(`${head}\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

describe('loopback host guard', () => {
  let world: CoreWorld;
  let host: LoopbackHost;
  let rendererDir: string;
  let port = 0;
  let hostHeader = '';
  const search = JSON.stringify({ input: { text: 'wrenfield', limit: 3 } });

  beforeAll(async () => {
    world = await startCoreWorld({ password: 'loopback-pass-1', caseTitle: 'Wrenfield Parade cuckooing', dataDirPrefix: 'cb-loopback-' });
    await callCore(world.core, 'session.signIn', { username: world.officer.username, password: world.officer.password });
    await callCore(world.core, 'sync.now', null);
    rendererDir = mkdtempSync(join(tmpdir(), 'cb-renderer-'));
    mkdirSync(join(rendererDir, 'assets'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Casebridge</title>');
    writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    host = await startLoopbackHost({ core: world.core, rendererDir });
    const url = new URL(host.origin);
    port = Number(url.port);
    hostHeader = url.host;
  });
  afterAll(async () => {
    await host.close();
    await world.stop();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  const post = (target: string, headers: string[]) =>
    rawRequest(port, [`POST ${target} HTTP/1.1`, `host: ${hostHeader}`, 'content-type: application/json', ...headers].join('\r\n'), search);
  const get = (target: string, headers: string[] = []) => rawRequest(port, [`GET ${target} HTTP/1.1`, `host: ${hostHeader}`, ...headers].join('\r\n'));

  it('answers the search with the token and our origin (so the refusals below are not an accident)', async () => {
    const answer = await post('/ipc/cases.search', [`origin: ${host.origin}`, `x-casebridge-token: ${host.token}`]);
    expect(answer.status).toBe(200);
    expect(answer.body).toContain('Wrenfield');
  });

  const ipcSpellings = [
    '/ipc/cases.search',
    '/%69pc/cases.search',
    '/%69%70%63/cases.search',
    '/ipc/cases%2Esearch',
    '/ipc%2Fcases.search',
    '/%2569pc/cases.search',
    '/ipc/cases.search?x',
    '/ipc/cases.search?',
    '/ipc/cases.search/',
    '/ipc//cases.search',
    '//ipc/cases.search',
    '/./ipc/cases.search',
    '/assets/../ipc/cases.search',
    '/IPC/cases.search',
    '/Ipc/cases.search',
    '/ipc/CASES.SEARCH',
  ];

  it.each(ipcSpellings)('refuses POST %s without the token, even with our origin', async (target) => {
    const answer = await post(target, [`origin: ${host.origin}`]);
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('Wrenfield');
  });

  it.each(ipcSpellings)('refuses POST %s with the token but no origin', async (target) => {
    const answer = await post(target, [`x-casebridge-token: ${host.token}`]);
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('Wrenfield');
  });

  it.each([`http://${'HOST'}/ipc/cases.search`, `http://${'HOST'}/%69pc/cases.search`])('refuses the absolute-form request line %s', async (pattern) => {
    const answer = await post(pattern.replace('HOST', hostHeader), [`origin: ${host.origin}`]);
    expect(answer.status).toBe(403);
    expect(answer.body).not.toContain('Wrenfield');
  });

  it.each(['/events', '/events?x', '/events/', '/%65vents', '/Events', '/EVENTS', `http://HOST/events`])('refuses GET %s without the token', async (target) => {
    const answer = await get(target.replace('HOST', hostHeader));
    expect(answer.status).toBe(403);
  });

  it('refuses an unknown path without the token rather than answering 404', async () => {
    expect((await get('/no-such-file.js')).status).toBe(403);
    expect((await post('/nowhere', [`origin: ${host.origin}`])).status).toBe(403);
  });

  it('serves the renderer files by plain path without a token, and nothing else of the folder', async () => {
    expect((await get('/')).status).toBe(200);
    expect((await get('/index.html')).status).toBe(200);
    expect((await get('/assets/app.js')).status).toBe(200);
    expect((await get('/assets/%61pp.js')).status).toBe(403);
  });

  it('refuses another Host or another Origin even with the token', async () => {
    const wrongHost = await rawRequest(port, ['POST /ipc/cases.search HTTP/1.1', 'host: evil.example', `origin: ${host.origin}`, `x-casebridge-token: ${host.token}`, 'content-type: application/json'].join('\r\n'), search);
    expect(wrongHost.status).toBe(403);
    const wrongOrigin = await post('/ipc/cases.search', ['origin: http://evil.example', `x-casebridge-token: ${host.token}`]);
    expect(wrongOrigin.status).toBe(403);
  });
});
