import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/test-databases.ts';
import { asMaliciousDba, openAuditTestDb, recordSampleEvents, type AuditTestDb } from './audit-chain-fixture.ts';

const TSX = join(process.cwd(), 'node_modules', '.bin', 'tsx');

/** Runs `npm run audit:verify`'s script as a child process against a database. */
function runAuditVerify(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  if (!('DATABASE_URL' in env)) {
    delete childEnv.DATABASE_URL;
  }
  return new Promise((resolve) => {
    execFile(TSX, ['server/cli/audit-verify.ts'], { env: childEnv, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.each(testDialects())('npm run audit:verify on %s', (dialect) => {
  let t: AuditTestDb;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await openAuditTestDb(dialect);
    await recordSampleEvents(t.db, 21);
    env = t.database.config.dialect === 'postgres' ? { DATABASE_URL: t.database.config.url } : { CASEBRIDGE_DATA_DIR: t.database.dataDir };
  });
  afterAll(() => t.dispose());

  it('prints that the chain is intact and exits 0', async () => {
    const run = await runAuditVerify(env);
    expect(run.stdout).toMatch(/^Audit chain intact: 21 events \(head hash [0-9a-f]{64}\)\n$/);
    expect(run.code).toBe(0);
  });

  it('prints the first broken seq and exits 1 once an event has been changed', async () => {
    await asMaliciousDba(t, (db) => db.updateTable('audit_events').set({ ip: '192.0.2.9' }).where('seq', '=', 5).execute());
    const run = await runAuditVerify(env);
    expect(run.stdout).toMatch(/^Audit chain BROKEN at event seq 5: tampered/);
    expect(run.code).toBe(1);
  });
});

describe('npm run audit:verify without a database', () => {
  it('refuses to verify a SQLite file that does not exist rather than creating an empty one', async () => {
    const run = await runAuditVerify({ CASEBRIDGE_DATA_DIR: join(tmpdir(), `cb-no-such-audit-dir-${process.pid}`) });
    expect(run.stderr).toMatch(/cannot be verified: no database/);
    expect(run.code).toBe(2);
  });
});
