/** The API client against a real local HTTP server: path params, retries with jittered backoff, Retry-After, and safe errors. */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CodedError } from '../../domain/errors.ts';
import { createApiClient, type ApiClientOptions } from '../../main/api/api-client.ts';

/** What the server does with one request: drop the connection, or answer. */
type Step = 'drop' | { status: number; body?: unknown; headers?: Record<string, string> };

const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.secret-access-token.sig';
const CASE_ID = '0b7e6a52-8f7c-4c1e-9f57-3d1f1b0b2a11';
const push = { clientId: 'client-0001', mutations: [{ mutationId: 7, name: 'task.update' as const, args: { note: 'Jane Doe moved' } }] };
const pushAnswer = { results: [{ mutationId: 7, status: 'applied' }], lastMutationId: 7 };

describe('api client against a real HTTP server', () => {
  let server: Server;
  let baseUrl: string;
  let script: Step[] = [];
  let received: { method: string; url: string; headers: IncomingHttpHeaders }[] = [];
  let sleeps: number[] = [];

  const client = (overrides: Partial<ApiClientOptions> = {}) =>
    createApiClient({
      baseUrl,
      timeoutMs: 2_000,
      random: () => 0.5,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      ...overrides,
    });

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers });
      req.resume();
      const step = script.shift() ?? { status: 200, body: { ok: true } };
      if (step === 'drop') {
        req.socket.destroy();
        return;
      }
      res.writeHead(step.status, { 'content-type': 'application/json', ...step.headers });
      res.end(JSON.stringify(step.body ?? {}));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  beforeEach(() => {
    script = [];
    received = [];
    sleeps = [];
  });

  it('retries a GET whose first connections drop, waiting full-jitter exponential backoff', async () => {
    script = ['drop', 'drop', { status: 200, body: { ok: true } }];
    await expect(client({ retry: { maxAttempts: 3, baseDelayMs: 100 } }).call('health')).resolves.toEqual({ ok: true });
    expect(received).toHaveLength(3);
    // random() = 0.5 → half of 100·2^0, then half of 100·2^1.
    expect(sleeps).toEqual([50, 100]);
  });

  it('keeps every jittered delay within [0, min(cap, base·2^(n-1)))', async () => {
    script = [{ status: 503 }, { status: 502 }, { status: 504 }, { status: 503 }, { status: 200, body: { ok: true } }];
    await client({ random: () => 0.999999, retry: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 300 } }).call('health');
    expect(sleeps).toEqual([99, 199, 299, 299]);
    sleeps = [];
    script = [{ status: 503 }, { status: 200, body: { ok: true } }];
    await client({ random: () => 0 }).call('health');
    expect(sleeps).toEqual([0]);
  });

  it('gives up after the configured attempts with a typed error', async () => {
    script = [{ status: 503 }, { status: 503 }, { status: 503 }];
    const error = await client({ retry: { maxAttempts: 2 } }).call('health').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodedError);
    expect((error as CodedError).code).toBe('server_unavailable');
    expect(received).toHaveLength(2);
  });

  it('honours Retry-After on 429 and fails at once when it is longer than the client will wait', async () => {
    script = [{ status: 429, headers: { 'retry-after': '3' } }, { status: 200, body: { ok: true } }];
    await client().call('health');
    expect(sleeps).toEqual([3_000]);
    sleeps = [];
    script = [{ status: 429, headers: { 'retry-after': '3600' } }];
    await expect(client().call('health')).rejects.toMatchObject({ code: 'rate_limited' });
    expect(sleeps).toEqual([]);
  });

  it('never repeats a POST unless the caller marks it idempotent', async () => {
    script = [{ status: 503 }, { status: 200, body: pushAnswer }];
    await expect(client().call('syncPush', { body: push, accessToken: TOKEN })).rejects.toMatchObject({ code: 'server_unavailable' });
    expect(received).toHaveLength(1);

    received = [];
    script = ['drop', { status: 200, body: pushAnswer }];
    await expect(client().call('syncPush', { body: push, accessToken: TOKEN, idempotent: true })).resolves.toEqual(pushAnswer);
    expect(received.map((r) => r.method)).toEqual(['POST', 'POST']);
  });

  it('fills path parameters, encoded, and sends the device id', async () => {
    script = [{ status: 404, body: { error: { code: 'not_found', message: 'No such case.' } } }];
    await expect(client({ deviceId: 'device-42' }).call('getCase', { params: { id: CASE_ID }, accessToken: TOKEN })).rejects.toMatchObject({ code: 'not_found' });
    expect(received[0]!.url).toBe(`/cases/${CASE_ID}`);
    expect(received[0]!.headers['x-casebridge-device']).toBe('device-42');
    expect(received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('throws before any request when a path parameter is missing or malformed', async () => {
    const api = client();
    // @ts-expect-error -- the missing parameter is the point of the test.
    await expect(api.call('getCase', { params: {} })).rejects.toThrow(/needs the path parameter "id"/);
    await expect(api.call('getCase', {})).rejects.toThrow(/needs the path parameter "id"/);
    await expect(api.call('getCase', { params: { id: '../admin' } })).rejects.toMatchObject({ code: 'validation_error' });
    expect(received).toHaveLength(0);
  });

  it('puts no token, query string or body in the error of a failing call', async () => {
    const api = client({ retry: { maxAttempts: 1 } });
    script = ['drop'];
    const network = await api.call('syncPull', { query: { cursor: 'c-secret-cursor', clientId: 'client-0001' }, accessToken: TOKEN }).catch((e: unknown) => e);
    script = [{ status: 500, body: { detail: 'echo Jane Doe moved', token: TOKEN } }];
    const server500 = await api.call('syncPush', { body: push, accessToken: TOKEN }).catch((e: unknown) => e);
    for (const error of [network, server500]) {
      expect(error).toBeInstanceOf(CodedError);
      const everything = [String(error), JSON.stringify(error), (error as Error).stack ?? '', JSON.stringify(Object.getOwnPropertyNames(error).map((k) => String((error as Record<string, unknown>)[k])))].join('\n');
      expect(everything).not.toContain(TOKEN);
      expect(everything).not.toContain('secret-cursor');
      expect(everything).not.toContain(baseUrl);
      expect(everything).not.toContain('Jane Doe');
      expect((error as Error).cause).toBeUndefined();
    }
    expect(network).toMatchObject({ code: 'network_error' });
    expect(server500).toMatchObject({ code: 'server_unavailable' });
  });

  it('uses a fetch implementation when one is given (Electron passes net.fetch)', async () => {
    const seen: string[] = [];
    const fetchImpl: typeof fetch = (input, init) => {
      seen.push(input instanceof Request ? input.url : String(input));
      return fetch(input, init);
    };
    script = [{ status: 503 }, { status: 200, body: { ok: true } }];
    await expect(client({ fetchImpl }).call('health')).resolves.toEqual({ ok: true });
    expect(seen).toEqual([`${baseUrl}/health`, `${baseUrl}/health`]);
  });

  it.each([
    ['Node http', {}],
    ['fetch (as Electron)', { fetchImpl: fetch }],
  ])('downloads binary content over %s, refuses an answer over the limit without retrying, and keeps coded errors', async (_label, overrides) => {
    const api = client(overrides);
    const input = { params: { id: CASE_ID }, accessToken: TOKEN };
    const body = 'synthetic document bytes '.repeat(8);
    script = [{ status: 200, body, headers: { 'content-type': 'application/pdf' } }];
    const got = await api.download('downloadDocument', input, 1000);
    expect(got.bytes.equals(Buffer.from(JSON.stringify(body)))).toBe(true);
    expect(got.contentType).toBe('application/pdf');
    expect(received[0]!.url).toBe(`/documents/${CASE_ID}/content`);

    received = [];
    script = [{ status: 200, body }, { status: 200, body }];
    await expect(api.download('downloadDocument', input, 50)).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(received).toHaveLength(1);

    script = [{ status: 403, body: { error: { code: 'authorization_error', message: 'You may not see this document.' } } }];
    await expect(api.download('downloadDocument', input, 1000)).rejects.toMatchObject({ code: 'authorization_error', message: 'You may not see this document.' });
    script = [{ status: 404, body: { error: { code: 'not_found', message: 'No such document.' } } }];
    await expect(api.download('downloadDocument', input, 1000)).rejects.toMatchObject({ code: 'not_found' });
  });
});
