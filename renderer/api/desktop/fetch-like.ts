/** The subset of `fetch` the loopback client needs, so tests can pass a small fake. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;
