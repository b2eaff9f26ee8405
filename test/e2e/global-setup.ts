/**
 * Starts what a practitioner's machine would have: the cloud API with the demo data (SQLite), and
 * the desktop core behind the loopback host with the real OS keychain. Writes what the specs need
 * (the URL with its token, and the expected visibility computed by the pure policy) to a file.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FullConfig } from '@playwright/test';
import { canSeeCase } from '../../domain/policy/case-policy.ts';
import { RoleSchema, SharingLevelSchema } from '../../domain/vocabulary.ts';
import { createDesktopCore } from '../../main/core/create-desktop-core.ts';
import { startLoopbackHost } from '../../main/loopback/loopback-host.ts';
import { createKeyringSecretStore } from '../../main/secrets/keyring-secret-store.ts';
import { parseAuditSigningKey } from '../../server/audit/audit-signing-key.ts';
import { DEMO_USERS } from '../../server/seed/demo-directory.ts';
import { seedDemoData } from '../../server/seed/seed-demo-data.ts';
import { startServer } from '../../server/start-server.ts';
import { buildAgency, buildUser } from '../support/factories.ts';

/** What the specs read from their worker's context file. */
export interface E2eContext {
  url: string;
  /** The API the Electron shell should talk to. */
  serverUrl: string;
  user: { username: string; password: string; agencyName: string };
  visibleReferences: string[];
  hiddenReferences: string[];
  sharedInReferences: string[];
  /** A practitioner of an agency that requires an authenticator app, with none set up yet (sign-in-totp.spec.ts). */
  totpUser: { username: string; password: string };
  /** The verifier key of the server's audit log (what an auditor is given to check an export). */
  auditVerifierKey: string;
  /** Closed council cases the demo user cannot see, dated as closed in 2018 so they are due for a retention review (retention.spec.ts). */
  retentionReferences: string[];
}

/**
 * One world per Playwright worker, so spec files run side by side without seeing each other's changes:
 * worker N (its `TEST_PARALLEL_INDEX`) reads `E2E_CONTEXT_FILE_N` (see worker-context.ts).
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const worlds = await Promise.all(Array.from({ length: Math.max(1, config.workers) }, (_, index) => startWorld(index)));
  worlds.forEach((world, index) => {
    process.env[`E2E_CONTEXT_FILE_${index}`] = world.file;
  });
  return async () => {
    await Promise.all(worlds.map((world) => world.close()));
  };
}

async function startWorld(index: number): Promise<{ file: string; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), `cb-e2e-${index}-`));
  const server = await startServer(
    {
      database: { dialect: 'sqlite', file: join(dir, 'server', 'casebridge.db') },
      dataDir: join(dir, 'server'), host: '127.0.0.1', port: 0,
      jwtSecret: undefined, accessTokenSeconds: 900, refreshTokenDays: 14,
    },
    // A lapsing grant is recorded within two seconds of its expiry, not a minute (access-requests.spec.ts),
    // and the specs, which sign the same practitioner in dozens of times, never wait out the sign-in limit.
    { logger: false, grantSweepMs: 2_000, signInLimit: 1_000 },
  );
  await seedDemoData(server.ctx, { cases: 300 });
  const core = createDesktopCore({
    serverUrl: server.url,
    dataDir: join(dir, 'desktop'),
    secretStore: createKeyringSecretStore(`casebridge-e2e-${process.pid}-${index}`),
  });
  const host = await startLoopbackHost({ core, rendererDir: join(process.cwd(), 'dist', 'renderer') });

  const demo = DEMO_USERS.find((u) => u.role === 'practitioner' && u.agencyCode === 'NSP') ?? DEMO_USERS[0]!;
  const row = await server.db.selectFrom('users').innerJoin('agencies', 'agencies.id', 'users.agency_id')
    .select(['users.id', 'users.role', 'users.agency_id', 'agencies.name']).where('username', '=', demo.username).executeTakeFirstOrThrow();
  const teamIds = (await server.db.selectFrom('user_teams').select('team_id').where('user_id', '=', row.id).execute()).map((t) => t.team_id);
  const user = { id: row.id, agencyId: row.agency_id, teamIds, role: RoleSchema.parse(row.role) };
  const cases = await server.db.selectFrom('cases').select(['id', 'reference', 'owner_agency_id', 'owner_team_id', 'owner_user_id', 'sharing_level']).execute();
  const shares = await server.db.selectFrom('case_shared_agencies').selectAll().execute();
  // The demo data also shares some cases with a named team of another agency.
  const teamShares = await server.db.selectFrom('case_shared_teams').selectAll().execute();
  const userShares = await server.db.selectFrom('case_shared_users').selectAll().execute();
  const visible: string[] = [];
  const hidden: string[] = [];
  const sharedIn: string[] = [];
  for (const c of cases) {
    const sharedAgencyIds = shares.filter((s) => s.case_id === c.id).map((s) => s.agency_id);
    const policyCase = {
      ownerAgencyId: c.owner_agency_id, ownerTeamId: c.owner_team_id, ownerUserId: c.owner_user_id,
      sharingLevel: SharingLevelSchema.parse(c.sharing_level), sharedAgencyIds,
      sharedTeamIds: teamShares.filter((s) => s.case_id === c.id).map((s) => s.team_id),
      sharedUserIds: userShares.filter((s) => s.case_id === c.id).map((s) => s.user_id),
    };
    (canSeeCase(user, policyCase) ? visible : hidden).push(c.reference);
    if (c.owner_agency_id !== user.agencyId && canSeeCase(user, policyCase)) {
      sharedIn.push(c.reference);
    }
  }
  const totpAgency = await buildAgency(server.db, { name: 'Strict Synthetic Agency' });
  await server.db.updateTable('agencies').set({ require_totp: 1 }).where('id', '=', totpAgency).execute();
  const totpUser = await buildUser(server.db, { agencyId: totpAgency, username: 'strict.practitioner', password: 'strict-practitioner-pass' });
  // The demo data's cases closed within the last year; three council cases the demo user never sees are dated
  // as closed in 2018, so the council's data officer has reviews due (and erasing one touches no other spec).
  const council = await server.db.selectFrom('agencies').select('id').where('code', '=', 'RCC').executeTakeFirstOrThrow();
  const dueCases = (await server.db.selectFrom('cases').select(['id', 'reference']).where('owner_agency_id', '=', council.id)
    .where('status', '=', 'closed').orderBy('reference').execute()).filter((c) => hidden.includes(c.reference)).slice(0, 3);
  await server.db.updateTable('cases').set({ closed_at: '2018-03-01T09:00:00.000Z' }).where('id', 'in', dueCases.map((c) => c.id)).execute();
  const context: E2eContext = {
    retentionReferences: dueCases.map((c) => c.reference),
    totpUser: { username: totpUser.username, password: totpUser.password },
    auditVerifierKey: parseAuditSigningKey(readFileSync(join(dir, 'server', 'audit-signing.key'), 'utf8')).verifierKeyText,
    url: host.url,
    serverUrl: server.url,
    user: { username: demo.username, password: demo.password, agencyName: row.name },
    visibleReferences: visible,
    hiddenReferences: hidden,
    sharedInReferences: sharedIn,
  };
  const file = join(dir, 'context.json');
  writeFileSync(file, JSON.stringify(context));
  return {
    file,
    close: async () => {
      await host.close();
      await core.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
