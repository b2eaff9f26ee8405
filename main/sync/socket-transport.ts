/**
 * How the real-time socket reaches the server the way HTTP does inside Electron (docs/security.md): through
 * the proxy Chromium would use for that URL (system settings, PAC), trusting the same certificate
 * authorities as the operating system (for TLS inspection on agency networks). `ws` runs on Node's
 * network stack, not Chromium's, so the shell resolves these and hands them over.
 */
import type { Agent } from 'node:http';
import { HttpsProxyAgent } from 'https-proxy-agent';

/** What the poke socket needs to connect like HTTP does. */
export interface SocketTransport {
  /** The agent for a connection to `serverUrl` (an HTTP CONNECT tunnel through a proxy), or undefined to connect directly. */
  agentFor(serverUrl: URL): Promise<Agent | undefined>;
  /** Certificate authorities to trust for `wss:`; undefined keeps Node's defaults. */
  ca?: readonly string[];
}

/**
 * The agent for the first usable entry of a proxy answer in PAC form (`PROXY host:port; DIRECT`).
 * `PROXY` and `HTTPS` tunnel with CONNECT; `DIRECT` connects directly; `SOCKS` entries are skipped
 * (not supported for the socket). Null when no entry is usable.
 */
export function agentForProxyAnswer(answer: string, ca: readonly string[] | undefined): Agent | undefined | null {
  for (const entry of answer.split(';').map((e) => e.trim()).filter((e) => e !== '')) {
    const [kind, hostPort] = entry.split(/\s+/, 2);
    const upper = kind?.toUpperCase();
    if (upper === 'DIRECT') {
      return undefined;
    }
    if (upper === 'PROXY' && hostPort) {
      return new HttpsProxyAgent(`http://${hostPort}` as const);
    }
    if (upper === 'HTTPS' && hostPort) {
      // The proxy itself speaks TLS: trust it by the same authorities as the server.
      return new HttpsProxyAgent(`https://${hostPort}` as const, ca === undefined ? {} : { ca: [...ca] });
    }
  }
  return null;
}
