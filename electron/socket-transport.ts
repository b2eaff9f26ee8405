/** The poke socket's route inside Electron: Chromium's proxy answer for the server, and the OS certificate store. */
import { getCACertificates } from 'node:tls';
import type { Session } from 'electron';
import { agentForProxyAnswer, type SocketTransport } from '../main/sync/socket-transport.ts';

/** A transport that asks the session which proxy to use (system settings, PAC) and trusts the system's CAs too. */
export function electronSocketTransport(session: Pick<Session, 'resolveProxy'>): SocketTransport {
  // Node's bundled roots plus the OS store (the Windows certificate store, where TLS-inspection roots live).
  const ca = [...new Set([...getCACertificates('default'), ...getCACertificates('system')])];
  return {
    ca,
    // An answer with no usable entry (only SOCKS) connects directly; the periodic pull runs regardless.
    agentFor: async (serverUrl) => agentForProxyAnswer(await session.resolveProxy(serverUrl.href), ca) ?? undefined,
  };
}
