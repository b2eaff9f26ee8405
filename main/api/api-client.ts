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
};

/** A typed call to the cloud API. */
export interface ApiClient {
  call<N extends RouteName>(name: N, input?: CallInput<N>): Promise<z.output<Routes[N]['response']>>;
}

/** Options for the client; inside Electron, `fetchImpl` is `net.fetch` so Chromium's network stack is used. */
export interface ApiClientOptions {
  baseUrl: string;
  /** Per attempt; default 15 s. */
  timeoutMs?: number;
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

  return {
    async call(name, input = {}) {
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
            headers: input.accessToken ? { authorization: `Bearer ${input.accessToken}` } : {},
          });
        } catch (error) {
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
          const parsed = route.response.safeParse(response.data);
          if (!parsed.success) {
            throw new CodedError('internal_error', `The server's answer to ${name} did not match the contract.`);
          }
          return parsed.data as z.output<Routes[typeof name]['response']>;
        }
        throw toServerError(response.status, response.data);
      }
    },
  };
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
