/**
 * `npm start`: the embedded cloud API with demo data, then the desktop app — in Electron when its
 * binary is present, otherwise through the loopback host in a browser.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createDesktopCore } from '../main/core/create-desktop-core.ts';
import { findElectronBinary } from '../main/loopback/electron-binary.ts';
import { startLoopbackHost } from '../main/loopback/loopback-host.ts';
import { localDataDir } from '../main/paths.ts';
import { createKeyringSecretStore } from '../main/secrets/keyring-secret-store.ts';
import { readServerConfig } from '../server/context/config.ts';
import { DEMO_USERS } from '../server/seed/demo-directory.ts';
import { isDatabaseEmpty, seedDemoData } from '../server/seed/seed-demo-data.ts';
import { startServer } from '../server/start-server.ts';
import { buildRenderer } from './build-renderer.ts';

const root = process.cwd();
const server = await startServer(readServerConfig(process.env), { logger: false });
if (await isDatabaseEmpty(server.db)) {
  const summary = await seedDemoData(server.ctx, { cases: 300 });
  console.log(`Loaded demo data: ${summary.agencies} agencies, ${summary.users} users, ${summary.cases} cases, ${summary.persons} persons, ${summary.reports} reports, ${summary.tasks} tasks.`);
}
console.log(`\nCasebridge API: ${server.url}\n\nDemo sign-ins (synthetic people, synthetic data):`);
console.table(DEMO_USERS.map((u) => ({ username: u.username, password: u.password, role: u.role, agency: u.agencyCode })));

const rendererDir = join(root, 'dist', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  await buildRenderer(root);
}

const electron = findElectronBinary(root);
if (electron) {
  await import('./build-electron.ts');
  const child = spawn(electron, [root], { stdio: 'inherit', env: { ...process.env, CASEBRIDGE_SERVER_URL: server.url } });
  child.on('exit', (code) => {
    void server.close().then(() => process.exit(code ?? 0));
  });
} else {
  const core = createDesktopCore({ serverUrl: server.url, dataDir: localDataDir(), secretStore: createKeyringSecretStore('Casebridge') });
  const host = await startLoopbackHost({ core, rendererDir, port: Number(process.env.CASEBRIDGE_LOOPBACK_PORT ?? 0) });
  console.log('\nNo Electron binary here, so the same app is served on the loopback host. Open:\n');
  console.log(`  ${host.url}\n`);
  console.log('Press Ctrl+C to stop.');
  const stop = async () => {
    await host.close();
    await core.close();
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
