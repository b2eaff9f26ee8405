/** The desktop's one HTTP client, typed from the route table in domain/, with retries for idempotent calls. */
import { setTimeout as delay } from 'node:timers/promises';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import type { z } from 'zod';
import { CodedError, isErrorCode } from '../../domain/errors.ts';
import { routes, type Routes, type RouteName } from '../../domain/http/routes.ts';
import { fillPath } from './fill-path.ts';
import { backoffDelayMs, DEFAULT_RETRY, parseRetryAfterMs, RETRYABLE_STATUSES, type RetryOptions } from './retry-policy.ts';

/** The input of a route call: path params, query and body as the route declares them, and the bearer token. */
export type CallInput<N extends RouteName> = {
  params?: z.input<NonNullable<Routes[N]['params']>>;
  query?: z.input<Routes[N]['query']>;
  body?: z.input<Routes[N]['body']>;
  accessToken?: string;
  /** Marks a non-GET call as safe to repeat (sync push carries mutation ids); GETs are always retried. */
  idempotent?: boolean;
  /** Cancels the call (a long download when the session locks); it then fails with `network_error`, unretried. */
  signal?: AbortSignal;
};

/** A typed call to the cloud API. */
export interface ApiClient {
  call<N extends RouteName>(name: N, input?: CallInput<N>): Promise<z.output<Routes[N]['response']>>;
  /** A binary answer (a document's content), refused with `payload_too_large` beyond `maxBytes`. */
  download<N extends RouteName>(name: N, input: CallInput<N>, maxBytes: number): Promise<DownloadedContent>;
}

/** The bytes of a binary answer and the type the server declared. */
export interface DownloadedContent {
  bytes: Buffer;
  contentType: string;
}

/** Options for the client; inside Electron, `fetchImpl` is `net.fetch` so Chromium's network stack is used. */
export interface ApiClientOptions {
  baseUrl: string;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
  /** Per attempt of a binary download (up to a document's size limit); default 120 s. */
  downloadTimeoutMs?: number;
  fetchImpl?: typeof fetch;
  /** Sent as `X-Casebridge-Device` so the server can tie calls to a registered device. */
  deviceId?: string;
  retry?: Partial<RetryOptions>;
  /** Injected for tests: uniform in [0, 1), a sleep, and the clock used for Retry-After dates. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Creates the axios-backed client. Errors become CodedErrors without URLs, tokens or bodies. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const http: AxiosInstance = axios.create({
    baseURL: options.baseUrl,
    timeout: options.timeoutMs ?? 15_000,
    ...(options.fetchImpl ? { adapter: 'fetch' as const, env: { fetch: options.fetchImpl } } : {}),
    headers: options.deviceId ? { 'X-Casebridge-Device': options.deviceId } : {},
    validateStatus: () => true,
  });
  const retry: RetryOptions = { ...DEFAULT_RETRY, ...options.retry };
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const now = options.now ?? Date.now;

  // Both kinds of call share this loop and the one axios instance; it answers only 2xx responses.
  async function send(name: RouteName, input: CallInput<RouteName>, binary: { maxBytes: number } | null): Promise<AxiosResponse<unknown>> {
    const route = routes[name];
    const rawParams = input.params as Readonly<Record<string, unknown>> | undefined;
    const url = fillPath(name, route.path, rawParams);
    if ('params' in route && route.params && !route.params.safeParse(rawParams).success) {
      throw new CodedError('validation_error', `Invalid path parameters for ${name}.`);
    }
    const maxAttempts = route.method === 'GET' || input.idempotent === true ? Math.max(1, retry.maxAttempts) : 1;
    for (let attempt = 1; ; attempt += 1) {
      let response: AxiosResponse<unknown>;
      try {
        response = await http.request<unknown>({
          method: route.method,
          url,
          params: input.query,
          data: input.body,
          headers: {
            ...(input.accessToken ? { authorization: `Bearer ${input.accessToken}` } : {}),
            // No body, no content type: axios would send a form type the server refuses (415) on a bodiless POST.
            // A form through an injected fetch: no type of ours, so fetch sets multipart/form-data with its boundary (axios's
            // fetch adapter would otherwise send a multipart type without one, which the server refuses; its Node adapter sets both).
            ...(input.body === undefined || (options.fetchImpl && input.body instanceof FormData) ? { 'Content-Type': false } : {}),
          },
          ...(input.signal ? { signal: input.signal } : {}),
          ...(binary ? { responseType: 'arraybuffer' as const, maxContentLength: binary.maxBytes, timeout: options.downloadTimeoutMs ?? 120_000 } : {}),
        });
      } catch (error) {
        if (binary && isTooLarge(error)) {
          throw new CodedError('payload_too_large', `The server's answer to ${name} is larger than allowed.`);
        }
        if (attempt >= maxAttempts || (axios.isAxiosError(error) && error.code === 'ERR_CANCELED')) {
          throw toNetworkError(error);
        }
        await sleep(backoffDelayMs(attempt, retry, random));
        continue;
      }
      if (RETRYABLE_STATUSES.has(response.status) && attempt < maxAttempts) {
        const retryAfter = parseRetryAfterMs(response.headers['retry-after'], now());
        if (retryAfter === undefined || retryAfter <= retry.maxRetryAfterMs) {
          await sleep(retryAfter ?? backoffDelayMs(attempt, retry, random));
          continue;
        }
      }
      if (response.status >= 200 && response.status < 300) {
        return response;
      }
      throw toServerError(response.status, binary ? jsonOf(response.data) : response.data);
    }
  }

  return {
    async call(name, input = {}) {
      const response = await send(name, input, null);
      const parsed = routes[name].response.safeParse(response.data);
      if (!parsed.success) {
        throw new CodedError('internal_error', `The server's answer to ${name} did not match the contract.`);
      }
      return parsed.data as z.output<Routes[typeof name]['response']>;
    },
    async download(name, input, maxBytes) {
      const response = await send(name, input, { maxBytes });
      const bytes = bytesOf(response.data);
      // Checked again here: a server that sends no length must not slip past the limit either.
      if (bytes === null || bytes.length > maxBytes) {
        throw new CodedError(bytes === null ? 'internal_error' : 'payload_too_large', `The server's answer to ${name} is not usable content.`);
      }
      const type = response.headers['content-type'];
      return { bytes, contentType: typeof type === 'string' ? type : 'application/octet-stream' };
    },
  };
}

function isTooLarge(error: unknown): boolean {
  return axios.isAxiosError(error) && error.code === 'ERR_BAD_RESPONSE' && error.message.includes('maxContentLength');
}

// Node's adapter answers a Buffer, the fetch adapter (Electron's net.fetch) an ArrayBuffer.
function bytesOf(data: unknown): Buffer | null {
  if (Buffer.isBuffer(data)) {
    return data;
  }
  return data instanceof ArrayBuffer ? Buffer.from(data) : null;
}

// An error answer to a binary request still carries the JSON error body.
function jsonOf(data: unknown): unknown {
  const bytes = bytesOf(data);
  if (bytes === null) {
    return data;
  }
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

// The server's coded message is meant for users; anything else about the response stays out of the error.
function toServerError(status: number, data: unknown): CodedError {
  const error = typeof data === 'object' && data !== null && 'error' in data ? data.error : undefined;
  if (typeof error === 'object' && error !== null && 'code' in error && isErrorCode(error.code)) {
    const message = 'message' in error && typeof error.message === 'string' ? error.message.slice(0, 300) : 'The server refused the request.';
    return new CodedError(error.code, message);
  }
  if (status === 429) {
    return new CodedError('rate_limited', 'The server is busy; try again shortly.');
  }
  return new CodedError(status >= 500 ? 'server_unavailable' : 'internal_error', `The server answered ${status}.`);
}

// A fresh error with no cause: axios errors carry the config (URL, headers with the token, body).
function toNetworkError(error: unknown): CodedError {
  const code = axios.isAxiosError(error) ? error.code : undefined;
  const detail = code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? 'the request timed out' : 'the connection failed';
  return new CodedError('network_error', `Cannot reach the Casebridge server (${detail}).`);
}
