/** A packaged desktop refuses a plain http server; development allows http only to this computer. */
import { describe, expect, it } from 'vitest';
import { serverTransportProblem } from './server-transport.ts';

describe('serverTransportProblem', () => {
  it('accepts https, packaged or not', () => {
    expect(serverTransportProblem('https://api.casebridge.example', true)).toBeNull();
    expect(serverTransportProblem('https://api.casebridge.example', false)).toBeNull();
  });

  it('refuses plain http in a packaged desktop, even to this computer', () => {
    for (const url of ['http://api.casebridge.example', 'http://127.0.0.1:4318', 'http://localhost:4318', 'http://[::1]:4318']) {
      expect(serverTransportProblem(url, true)).toMatch(/only over https/);
    }
  });

  it('allows plain http only to this computer in development', () => {
    expect(serverTransportProblem('http://127.0.0.1:4318', false)).toBeNull();
    expect(serverTransportProblem('http://localhost:4318', false)).toBeNull();
    expect(serverTransportProblem('http://[::1]:4318', false)).toBeNull();
    expect(serverTransportProblem('http://api.casebridge.example', false)).toMatch(/only to this computer/);
    expect(serverTransportProblem('http://127.0.0.1.nip.example', false)).toMatch(/only to this computer/);
  });

  it('refuses other schemes and non-URLs', () => {
    expect(serverTransportProblem('ftp://api.casebridge.example', false)).toMatch(/must be https/);
    expect(serverTransportProblem('not a url', false)).toMatch(/not a URL/);
  });
});
