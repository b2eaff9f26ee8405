/**
 * `GET /audit/verify` checks what `npm run audit:verify` checks, on SQLite and PostgreSQL: the hash
 * chain, the Merkle tree against the published signed checkpoints and the head's frontier. A DBA who
 * rewrites an event and re-chains the log passes the chain but not the checkpoint; a plain edit
 * breaks the chain; both name the first bad seq, and each verification is itself recorded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditLogResult } from '../../domain/audit/audit-log-result.ts';
import { recordAuditNow } from '../../server/audit/record-audit.ts';
import { buildAgency, buildUser } from '../support/factories.ts';
import { testDialects } from '../support/test-databases.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { asMaliciousDba, sampleEvent } from './audit-chain-fixture.ts';
import { rechainFromRows } from './audit-log-fixture.ts';

describe.each(testDialects())('GET /audit/verify on %s', (dialect) => {
  let server: TestServer;
  let token: string;
  let officerId: string;
  let signedSize: number;

  const verify = async (): Promise<AuditLogResult> => {
    const res = await server.app.inject({ method: 'GET', url: '/audit/verify', headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<AuditLogResult>();
  };
  const dba = (tamper: Parameters<typeof asMaliciousDba>[1]) => asMaliciousDba({ db: server.db, dialect, close: () => Promise.resolve() }, tamper);
  const lastVerification = () => server.db.selectFrom('audit_events').select(['outcome', 'details'])
    .where('user_id', '=', officerId).where('action', '=', 'audit.verify').orderBy('seq', 'desc').executeTakeFirstOrThrow();

  beforeAll(async () => {
    server = await startTestServer(dialect);
    const agencyId = await buildAgency(server.db);
    const officer = await buildUser(server.db, { agencyId, role: 'data_officer' });
    officerId = officer.id;
    for (let i = 1; i <= 6; i += 1) {
      await recordAuditNow(server.db, sampleEvent(i, agencyId));
    }
    signedSize = (await server.ctx.auditCheckpoints.signNow()).checkpoint.size;
    const login = await server.app.inject({ method: 'POST', url: '/auth/login', payload: { username: officer.username, password: officer.password } });
    token = login.json<{ accessToken: string }>().accessToken;
  });
  afterAll(() => server.stop());

  it('answers an intact log with its size, root and the published checkpoints it checked', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checkpoints: expect.any(Number) as unknown, rootBase64: expect.stringMatching(/^[A-Za-z0-9+/]+=*$/) as unknown });
    expect(result.ok && result.checkpoints).toBeGreaterThanOrEqual(1);
    expect(await lastVerification()).toMatchObject({ outcome: 'success' });
  });

  it('names a rewrite the DBA re-chained, which the chain alone passes, from the signed checkpoint', async () => {
    await dba(async (db) => {
      await db.updateTable('audit_events').set({ justification: 'nothing to see here' }).where('seq', '=', 4).execute();
      await rechainFromRows(db);
    });
    const result = await verify();
    expect(result).toMatchObject({ ok: false, reason: 'rewritten', lastSuspectSeq: signedSize });
    // The rewritten event lies in the span the checkpoint names.
    expect(result.ok === false && result.firstBrokenSeq! <= 4 && 4 <= result.lastSuspectSeq!).toBe(true);
    const recorded = await lastVerification();
    expect(recorded.outcome).toBe('failure');
    expect(JSON.parse(recorded.details)).toMatchObject({ reason: 'rewritten', firstBrokenSeq: result.ok ? 0 : result.firstBrokenSeq, lastSuspectSeq: signedSize });
  });

  it('names the first tampered event when the chain itself breaks', async () => {
    await dba((db) => db.updateTable('audit_events').set({ outcome: 'denied' }).where('seq', '=', 2).execute());
    expect(await verify()).toMatchObject({ ok: false, reason: 'tampered', firstBrokenSeq: 2 });
  });
});
