/** A desktop core against a real test server, encrypted cache and OS keychain, with one officer and one case. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SessionState } from '../../domain/ipc/contract.ts';
import { createDesktopCore, type DesktopCoreOptions } from '../../main/core/create-desktop-core.ts';
import type { DesktopCore } from '../../main/core/desktop-core.ts';
import { buildAgency, buildCase, buildUser } from './factories.ts';
import { createTestKeychain } from './keychain.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** What a session test starts from. */
export interface CoreWorld {
  /** The API; `stop()` may be called early (offline tests) and again by the world's `stop()`. */
  server: TestServer;
  dataDir: string;
  core: DesktopCore;
  keychain: ReturnType<typeof createTestKeychain>;
  /** Every `session.state` event the core sent, oldest first. */
  states: SessionState[];
  /** A practitioner of the agency that owns the one case. */
  officer: { id: string; username: string; password: string };
  /** Closes the core, removes the keychain entries, stops the server and deletes the data folder. */
  stop(): Promise<void>;
}

/** How the world differs between tests; `core` adds options to the core (the rest are fixed). */
export interface CoreWorldOptions {
  password: string;
  caseTitle: string;
  agencyName?: string;
  /** Prefix of the temp data folder, so a leftover folder names its test. */
  dataDirPrefix: string;
  core?: Pick<DesktopCoreOptions, 'settings' | 'openCache' | 'now' | 'policy' | 'fetchImpl'>;
}

/** A desktop core on a test server with its own data folder and keychain entries. */
export interface TestCore {
  core: DesktopCore;
  dataDir: string;
  keychain: ReturnType<typeof createTestKeychain>;
  /** Closes the core, removes the keychain entries and deletes the data folder (the server is the caller's). */
  stop(): Promise<void>;
}

/** A core on `server` syncing only when asked (60 s interval), in a fresh temp folder named by `dataDirPrefix`. */
export function startTestCore(server: TestServer, dataDirPrefix: string, options: CoreWorldOptions['core'] = {}): TestCore {
  const dataDir = mkdtempSync(join(tmpdir(), dataDirPrefix));
  const keychain = createTestKeychain();
  const core = createDesktopCore({ serverUrl: server.url, dataDir, secretStore: keychain, syncIntervalMs: 60_000, ...options });
  return {
    core, dataDir, keychain,
    async stop() {
      await core.close();
      await keychain.cleanup();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts a SQLite test server with an agency, its officer and a case, and a core syncing only when asked (60 s interval). */
export async function startCoreWorld(options: CoreWorldOptions): Promise<CoreWorld> {
  const started = await startTestServer('sqlite');
  // Stopping twice is harmless, so a test may stop the server early to work offline.
  let stopping: Promise<void> | null = null;
  const server: TestServer = { ...started, stop: () => (stopping ??= started.stop()) };
  const agency = await buildAgency(server.db, options.agencyName === undefined ? {} : { name: options.agencyName });
  const officer = await buildUser(server.db, { agencyId: agency, password: options.password });
  await buildCase(server.db, { ownerAgencyId: agency, title: options.caseTitle });
  const desktop = startTestCore(server, options.dataDirPrefix, options.core);
  const { core, dataDir, keychain } = desktop;
  const states: SessionState[] = [];
  core.onEvent((event, payload) => {
    if (event === 'session.state') {
      states.push(payload as SessionState);
    }
  });
  return {
    server, dataDir, core, keychain, states, officer,
    async stop() {
      await desktop.stop();
      await server.stop();
    },
  };
}
