/** Inside Electron the socket asks the session for the proxy of the server's URL and trusts the OS store too. */
import { getCACertificates } from 'node:tls';
import { describe, expect, it } from 'vitest';
import { electronSocketTransport } from './socket-transport.ts';

describe('electronSocketTransport', () => {
  it("tunnels through the session's proxy for the server URL, trusting the system's certificate authorities", async () => {
    const asked: string[] = [];
    const transport = electronSocketTransport({ resolveProxy: (url: string) => (asked.push(url), Promise.resolve('PROXY 10.1.2.3:3128; DIRECT')) });
    const agent = (await transport.agentFor(new URL('https://api.casebridge.example/'))) as unknown as { proxy: URL } | undefined;
    expect(asked).toEqual(['https://api.casebridge.example/']);
    expect(agent?.proxy.href).toBe('http://10.1.2.3:3128/');
    expect(transport.ca).toEqual(expect.arrayContaining([...getCACertificates('system'), ...getCACertificates('default')]));
  });

  it('connects directly when the session says DIRECT or offers only SOCKS', async () => {
    for (const answer of ['DIRECT', 'SOCKS5 10.1.2.3:1080']) {
      const transport = electronSocketTransport({ resolveProxy: () => Promise.resolve(answer) });
      expect(await transport.agentFor(new URL('https://api.casebridge.example/'))).toBeUndefined();
    }
  });
});
