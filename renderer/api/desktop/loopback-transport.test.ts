import { describe, expect, it } from 'vitest';
import { buildSyncStatus } from '../../test-support/factories.ts';
import { createDesktopApi } from './create-desktop-api.ts';
import type { FetchLike } from './fetch-like.ts';
import { createLoopbackTransport } from './loopback-transport.ts';

interface Recorded {
  url: string;
  init: RequestInit;
}

/** A fake fetch: records requests and answers each with the next response from `respond`. */
function fakeFetch(respond: (url: string) => Response | Promise<Response>) {
  const requests: Recorded[] = [];
  const fetch: FetchLike = (url, init) => {
    requests.push({ url, init });
    return Promise.resolve(respond(url));
  };
  return { fetch, requests };
}

/** A Server-Sent Events response the test writes to. */
function sseResponse() {
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
  const encoder = new TextEncoder();
  return {
    response: new Response(body, { headers: { 'content-type': 'text/event-stream' } }),
    write: (text: string) => controller.enqueue(encoder.encode(text)),
    end: () => controller.close(),
  };
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i++) {
    await new Promise((r) => setTimeout(r, 2));
  }
  expect(check()).toBe(true);
};

describe('loopback transport', () => {
  it('POSTs the input as JSON with the token header to /ipc/<channel>', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json({ ok: true, value: { rows: [], total: 0, totalCapped: false } }));
    const api = createDesktopApi(createLoopbackTransport({ token: 'T0K', fetch }));
    await expect(api['cases.queue']({ filter: 'asb', limit: 100, offset: 0 })).resolves.toEqual({
      ok: true,
      value: { rows: [], total: 0, totalCapped: false },
    });
    expect(requests).toHaveLength(1);
    const [request] = requests;
    expect(request?.url).toBe('/ipc/cases.queue');
    expect(request?.init.method).toBe('POST');
    expect(request?.init.headers).toEqual({ 'content-type': 'application/json', 'x-casebridge-token': 'T0K' });
    expect(typeof request?.init.body).toBe('string');
    expect(JSON.parse(request?.init.body as string)).toEqual({ input: { filter: 'asb', limit: 100, offset: 0 } });
  });

  it('uses the Result in an error response body', async () => {
    const error = { code: 'authentication_error', message: 'no' };
    const { fetch } = fakeFetch(() => Response.json({ ok: false, error }, { status: 401 }));
    const api = createDesktopApi(createLoopbackTransport({ token: 't', fetch }));
    await expect(api['session.signIn']({ username: 'a', password: 'b' })).resolves.toEqual({ ok: false, error });
  });

  it('answers network_error for a non-JSON answer', async () => {
    const { fetch } = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const result = await createDesktopApi(createLoopbackTransport({ token: 't', fetch }))['session.state'](null);
    expect(!result.ok && result.error.code).toBe('network_error');
  });

  it('makes no request without a token', async () => {
    const { fetch, requests } = fakeFetch(() => Response.json({}));
    const result = await createDesktopApi(createLoopbackTransport({ token: null, fetch }))['session.state'](null);
    expect(!result.ok && result.error.code).toBe('authorization_error');
    expect(requests).toEqual([]);
  });

  it('streams events to listeners, reconnects after a drop, and closes with the last listener', async () => {
    const streams = [sseResponse(), sseResponse()];
    let opened = 0;
    const { fetch, requests } = fakeFetch(() => streams[opened++]?.response ?? Response.error());
    const api = createDesktopApi(
      createLoopbackTransport({ token: 'T', fetch, backoff: { initialDelayMs: 1, maxDelayMs: 2 } }),
    );
    const seen: number[] = [];
    const off = api.on('sync.status', (status) => seen.push(status.pendingChanges));

    const first = JSON.stringify(buildSyncStatus({ pendingChanges: 1 }));
    streams[0]?.write(`event: sync.status\ndata: ${first.slice(0, 10)}`);
    streams[0]?.write(`${first.slice(10)}\n\nevent: sync.status\ndata: not json\n\n`);
    await until(() => seen.length === 1);
    streams[0]?.end();

    await until(() => opened === 2);
    streams[1]?.write(`event: sync.status\ndata: ${JSON.stringify(buildSyncStatus({ pendingChanges: 2 }))}\n\n`);
    await until(() => seen.length === 2);
    expect(seen).toEqual([1, 2]);
    expect(requests.map((r) => [r.url, r.init.headers])).toEqual([
      ['/events', { 'x-casebridge-token': 'T' }],
      ['/events', { 'x-casebridge-token': 'T' }],
    ]);

    off();
    expect(requests[1]?.init.signal?.aborted).toBe(true);
  });
});
