import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildExportProofs } from '../../server/audit/export-proofs.ts';
import { testDialects } from '../support/test-databases.ts';
import { asMaliciousDba, openAuditTestDb, recordSampleEvents, type AuditTestDb } from './audit-chain-fixture.ts';
import { logFixture, rechainFromRows, type LogFixture } from './audit-log-fixture.ts';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** Runs one of the audit CLI scripts as a child process. */
function run(script: string, env: Record<string, string>, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('DATABASE_URL' in env)) {
    delete childEnv.DATABASE_URL;
  }
  return new Promise((resolve) => {
    execFile(TSX, [script, ...args], { env: childEnv, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
const runAuditVerify = (env: Record<string, string>): ReturnType<typeof run> => run('server/cli/audit-verify.ts', env);

describe.each(testDialects())('npm run audit:verify on %s', (dialect) => {
  let t: AuditTestDb;
  let log: LogFixture;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await openAuditTestDb(dialect);
    log = logFixture(t.db);
    await recordSampleEvents(t.db, 21);
    env = {
      ...(t.database.config.dialect === 'postgres' ? { DATABASE_URL: t.database.config.url } : { CASEBRIDGE_DATA_DIR: t.database.dataDir }),
      CASEBRIDGE_AUDIT_ORIGIN: log.config.origin,
      CASEBRIDGE_AUDIT_CHECKPOINT_FILE: log.config.checkpointFile,
      CASEBRIDGE_AUDIT_SIGNING_KEY_FILE: log.config.signingKeyFile,
    };
  });
  afterAll(() => t.dispose());

  it('checks the log against itself and says so when no checkpoint has been published', async () => {
    const verified = await runAuditVerify(env);
    expect(verified.stdout).toMatch(/^Audit log intact: 21 events \(head hash [0-9a-f]{64}, tree root [A-Za-z0-9+/]{43}=\), 0 published checkpoints verified\n$/);
    expect(verified.stderr).toMatch(/No published checkpoints/);
    expect(verified.code).toBe(0);
  });

  it('signs a checkpoint on demand and then verifies against it with only the verifier key', async () => {
    const signed = await run('server/cli/audit-checkpoint.ts', env);
    expect(signed.stdout).toMatch(new RegExp(`^Published to .*\\n${log.config.origin}\\n21\\n[A-Za-z0-9+/]{43}=\\n\\n\u2014 ${log.config.origin} `));
    expect(signed.code).toBe(0);
    const { CASEBRIDGE_AUDIT_SIGNING_KEY_FILE: _keyFile, ...withoutKey } = env;
    const verified = await runAuditVerify({ ...withoutKey, CASEBRIDGE_AUDIT_VERIFY_KEY: log.key.verifierKeyText });
    expect(verified.stdout).toMatch(/^Audit log intact: 21 events .*1 published checkpoint verified\n$/);
    expect(verified.code).toBe(0);
  });

  it('prints the span holding the first bad event and exits 1 once an event was rewritten and the chain recomputed', async () => {
    await asMaliciousDba(t, async (db) => {
      await db.updateTable('audit_events').set({ ip: '192.0.2.9' }).where('seq', '=', 5).execute();
      await rechainFromRows(db);
    });
    const verified = await runAuditVerify(env);
    expect(verified.stdout).toMatch(/^Audit log BROKEN between event seq 1 and 21 \(checkpoint line 1\): rewritten/);
    expect(verified.code).toBe(1);
  });

  it('prints the first broken seq and exits 1 once an event has been changed', async () => {
    await asMaliciousDba(t, (db) => db.updateTable('audit_events').set({ ip: '192.0.2.10' }).where('seq', '=', 5).execute());
    const verified = await runAuditVerify(env);
    expect(verified.stdout).toMatch(/^Audit log BROKEN at event seq 5: tampered/);
    expect(verified.code).toBe(1);
  });
});

describe('npm run audit:verify without a database', () => {
  it('refuses to verify a SQLite file that does not exist rather than creating an empty one', async () => {
    const verified = await runAuditVerify({ CASEBRIDGE_DATA_DIR: join(tmpdir(), `cb-no-such-audit-dir-${process.pid}`) });
    expect(verified.stderr).toMatch(/cannot be verified: no database/);
    expect(verified.code).toBe(2);
  });
});

describe('npm run audit:verify-export', () => {
  let t: AuditTestDb;
  let log: LogFixture;
  let earlierFile: string;
  let proofFile: string;

  beforeAll(async () => {
    t = await openAuditTestDb('sqlite');
    log = logFixture(t.db);
    await recordSampleEvents(t.db, 9);
    earlierFile = join(log.dir, 'earlier.checkpoint');
    writeFileSync(earlierFile, (await log.signer.signNow()).note);
    await recordSampleEvents(t.db, 6);
    const signed = await log.signer.signNow();
    const bundle = await buildExportProofs(t.db, log.key.verifierKey, { seqs: [1, 4, 12], checkpoint: signed.note, since: [signed.note, (await log.published())[0]!.note] });
    proofFile = join(log.dir, 'export.proof.json');
    writeFileSync(proofFile, JSON.stringify(bundle));
    writeFileSync(join(log.dir, 'tampered.proof.json'), JSON.stringify({ ...bundle, events: bundle.events.map((e, i) => (i === 1 ? { ...e, leaf: e.leaf.replace('10.0.0.1', '10.0.0.9') } : e)) }));
  });
  afterAll(() => t.dispose());

  it('accepts the proof file with the verifier key and an earlier checkpoint, and needs no database', async () => {
    const verified = await run('server/cli/audit-verify-export.ts', {}, [proofFile, '--key', log.key.verifierKeyText, '--since', earlierFile]);
    expect(verified.stdout).toBe(`Export proofs hold: 3 events are in the log at checkpoint 15 signed by ${log.config.origin}; it extends the checkpoint of 9 events.\n`);
    expect(verified.code).toBe(0);
  });

  it('names the first bad event and exits 1 for a tampered file', async () => {
    const keyFile = join(log.dir, 'verifier.key');
    writeFileSync(keyFile, log.key.verifierKeyText);
    const verified = await run('server/cli/audit-verify-export.ts', {}, [join(log.dir, 'tampered.proof.json'), '--key', `@${keyFile}`]);
    expect(verified.stdout).toMatch(/^Export proofs FAIL at event seq 4: event_not_in_log/);
    expect(verified.code).toBe(1);
  });

  it('exits 2 with a clear message for a file that is not a proof file, or a bad key', async () => {
    writeFileSync(join(log.dir, 'not-proof.json'), '{"format":"csv"}');
    const notProof = await run('server/cli/audit-verify-export.ts', {}, [join(log.dir, 'not-proof.json'), '--key', log.key.verifierKeyText]);
    expect(notProof.stderr).toMatch(/is not a casebridge-audit-proof\/v1 file/);
    expect(notProof.code).toBe(2);
    const badKey = await run('server/cli/audit-verify-export.ts', {}, [proofFile, '--key', 'casebridge+00000000+AAAA']);
    expect(badKey.stderr).toMatch(/not an Ed25519 verifier key/);
    expect(badKey.code).toBe(2);
  });
});
