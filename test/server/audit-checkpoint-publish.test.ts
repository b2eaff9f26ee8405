/**
 * Publishing checkpoints outside the database: the running server reads its signing key from a
 * file (never the database), signs on demand and on its interval, appends each checkpoint to the
 * operator's file and POSTs the signed note to a witness.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseVerifierKey } from '../../domain/audit/signed-note.ts';
import { readCheckpoints } from '../../server/audit/checkpoint-file.ts';
import { sha256 } from '../../server/audit/sha256.ts';
import { recordSampleEvents } from './audit-chain-fixture.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { testDialects } from '../support/test-databases.ts';
import { readServerConfig } from '../../server/context/config.ts';

/** A tiny local witness that keeps every note POSTed to it. */
async function startWitness(status = 200): Promise<{ url: string; notes: string[]; close(): Promise<void> }> {
  const notes: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => { body += chunk; });
    req.on('end', () => {
      if (req.method === 'POST' && req.headers['content-type']?.startsWith('text/plain')) {
        notes.push(body);
      }
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/add-checkpoint`, notes, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe.each(testDialects())('publishing audit checkpoints on %s', (dialect) => {
  let server: TestServer | undefined;
  let witness: Awaited<ReturnType<typeof startWitness>> | undefined;
  afterEach(async () => {
    await server?.stop();
    await witness?.close();
  });

  it('creates a development key in the data dir, outside the database, readable only by its owner', async () => {
    server = await startTestServer(dialect);
    const keyFile = join(server.database.dataDir, 'audit-signing.key');
    expect(existsSync(keyFile)).toBe(true);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^PRIVATE\+KEY\+casebridge\/audit\+[0-9a-f]{8}\+/);
    expect(server.ctx.auditCheckpoints.verifierKey.name).toBe('casebridge/audit');
  });

  it('appends each signed checkpoint to the file and sends it to the witness', async () => {
    witness = await startWitness();
    server = await startTestServer(dialect, { config: { auditLog: { witnessUrl: witness.url } } });
    await recordSampleEvents(server.db, 4);
    const first = await server.ctx.auditCheckpoints.signNow();
    await recordSampleEvents(server.db, 3);
    const second = await server.ctx.auditCheckpoints.signNow();
    const file = join(server.database.dataDir, 'audit-checkpoints.jsonl');
    const published = await readCheckpoints(file);
    expect(published.map((p) => p.note)).toEqual([first.note, second.note]);
    expect(witness.notes).toEqual([first.note, second.note]);
    expect(second.note).toMatch(/^casebridge\/audit\n7\n[A-Za-z0-9+/]{43}=\n\n\u2014 casebridge\/audit [A-Za-z0-9+/]+=*\n$/);
  });

  it('still publishes to the file when the witness refuses', async () => {
    witness = await startWitness(503);
    server = await startTestServer(dialect, { config: { auditLog: { witnessUrl: witness.url } } });
    await recordSampleEvents(server.db, 2);
    await server.ctx.auditCheckpoints.signNow();
    expect(await readCheckpoints(join(server.database.dataDir, 'audit-checkpoints.jsonl'))).toHaveLength(1);
  });

  it('signs on its interval without being asked', async () => {
    server = await startTestServer(dialect, { config: { auditLog: { checkpointSeconds: 1 } } });
    await recordSampleEvents(server.db, 2);
    const file = join(server.database.dataDir, 'audit-checkpoints.jsonl');
    await expect.poll(async () => (await readCheckpoints(file)).length, { timeout: 5000, interval: 200 }).toBeGreaterThan(0);
  });
});

describe('the audit log configuration', () => {
  it('reads the key file, checkpoint file, witness and interval from the environment, and refuses bad values', () => {
    const config = readServerConfig({
      CASEBRIDGE_AUDIT_ORIGIN: 'casebridge.example/audit', CASEBRIDGE_AUDIT_SIGNING_KEY_FILE: '/etc/casebridge/audit.key',
      CASEBRIDGE_AUDIT_CHECKPOINT_FILE: '/mnt/worm/checkpoints.jsonl', CASEBRIDGE_AUDIT_WITNESS_URL: 'https://witness.example/add',
      CASEBRIDGE_AUDIT_CHECKPOINT_SECONDS: '60',
    });
    expect(config.auditLog).toEqual({
      origin: 'casebridge.example/audit', signingKeyFile: '/etc/casebridge/audit.key', checkpointFile: '/mnt/worm/checkpoints.jsonl',
      witnessUrl: 'https://witness.example/add', checkpointSeconds: 60,
    });
    expect(() => readServerConfig({ CASEBRIDGE_AUDIT_ORIGIN: 'has space' })).toThrow(/CASEBRIDGE_AUDIT_ORIGIN/);
    expect(() => readServerConfig({ CASEBRIDGE_AUDIT_WITNESS_URL: 'ftp://x' })).toThrow(/CASEBRIDGE_AUDIT_WITNESS_URL/);
    expect(() => readServerConfig({ CASEBRIDGE_AUDIT_CHECKPOINT_SECONDS: '1' })).toThrow(/CASEBRIDGE_AUDIT_CHECKPOINT_SECONDS/);
    expect(parseVerifierKey(sha256, 'casebridge+zz+AAAA')).toBeUndefined();
  });
});
