/** The desktop's one HTTP client, typed from the route table in domain/. */
import axios, { AxiosError, type AxiosInstance } from 'axios';
import type { z } from 'zod';
import { CodedError, isErrorCode } from '../../domain/errors.ts';
import { routes, type Routes, type RouteName } from '../../domain/http/routes.ts';

/** The input of a route call: query and body as the route declares them, and the bearer token. */
export type CallInput<N extends RouteName> = {
  query?: z.input<Routes[N]['query']>;
  body?: z.input<Routes[N]['body']>;
  accessToken?: string;
};

/** A typed call to the cloud API. */
export interface ApiClient {
  call<N extends RouteName>(name: N, input?: CallInput<N>): Promise<z.output<Routes[N]['response']>>;
}

/** Options for the client; inside Electron, `fetchImpl` is `net.fetch` so Chromium's network stack is used. */
export interface ApiClientOptions {
  baseUrl: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

/** Creates the axios-backed client. Errors become CodedErrors without URLs, tokens or bodies. */
export function createApiClient(options: ApiClientOptions): ApiClient {
  const http: AxiosInstance = axios.create({
    baseURL: options.baseUrl,
    timeout: options.timeoutMs ?? 15_000,
    ...(options.fetchImpl ? { adapter: 'fetch' as const, env: { fetch: options.fetchImpl } } : {}),
    validateStatus: () => true,
  });
  return {
    async call(name, input = {}) {
      const route = routes[name];
      let response;
      try {
        response = await http.request<unknown>({
          method: route.method,
          url: route.path,
          params: input.query,
          data: input.body,
          headers: input.accessToken ? { authorization: `Bearer ${input.accessToken}` } : {},
        });
      } catch (error) {
        throw toNetworkError(error);
      }
      if (response.status >= 200 && response.status < 300) {
        const parsed = route.response.safeParse(response.data);
        if (!parsed.success) {
          throw new CodedError('internal_error', `The server's answer to ${name} did not match the contract.`);
        }
        return parsed.data as z.output<Routes[typeof name]['response']>;
      }
      throw toServerError(response.status, response.data);
    },
  };
}

function toServerError(status: number, data: unknown): CodedError {
  const error = typeof data === 'object' && data !== null && 'error' in data ? (data).error : undefined;
  if (typeof error === 'object' && error !== null && 'code' in error && isErrorCode(error.code)) {
    const message = 'message' in error && typeof error.message === 'string' ? error.message : 'The server refused the request.';
    return new CodedError(error.code, message);
  }
  return new CodedError(status >= 500 ? 'server_unavailable' : 'internal_error', `The server answered ${status}.`);
}

function toNetworkError(error: unknown): CodedError {
  const code = error instanceof AxiosError ? error.code : undefined;
  const detail = code === 'ECONNABORTED' || code === 'ETIMEDOUT' ? 'the request timed out' : 'the connection failed';
  return new CodedError('network_error', `Cannot reach the Casebridge server (${detail}).`);
}
