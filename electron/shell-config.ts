/** The shell's start-up settings from the environment, as a pure function so it can be tested without Electron. */

/** The cloud API the desktop talks to when nothing else is configured (the embedded dev server). */
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4318';

/** What the shell passes to the desktop core. */
export interface ShellConfig {
  serverUrl: string;
  dataDir: string;
  /**
   * An explicit Electron-ABI build of the SQLite addon, for unpackaged runs; main.ts passes it to
   * main/native/sqlite-binding.ts as the override, which otherwise finds the copy postinstall built.
   */
  nativeBinding?: string;
  /** DevTools: only in an unpackaged run with CASEBRIDGE_DEVTOOLS=1; never in an installed app. */
  devTools: boolean;
}

/**
 * Reads `CASEBRIDGE_SERVER_URL` (set by `npm start`), `CASEBRIDGE_DESKTOP_DATA_DIR` and
 * `CASEBRIDGE_ELECTRON_SQLITE_BINDING`; the data dir defaults to the local (not roaming) app-data folder.
 * A server URL that is not http(s) is refused rather than silently replaced.
 */
export function readShellConfig(env: NodeJS.ProcessEnv, userDataDir: string, isPackaged: boolean): ShellConfig {
  const serverUrl = env.CASEBRIDGE_SERVER_URL || DEFAULT_SERVER_URL;
  let protocol: string;
  try {
    protocol = new URL(serverUrl).protocol;
  } catch {
    throw new Error(`CASEBRIDGE_SERVER_URL is not a URL: ${serverUrl}`);
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new Error(`CASEBRIDGE_SERVER_URL must be http or https: ${serverUrl}`);
  }
  const binding = env.CASEBRIDGE_ELECTRON_SQLITE_BINDING;
  return {
    serverUrl,
    dataDir: env.CASEBRIDGE_DESKTOP_DATA_DIR || userDataDir,
    devTools: !isPackaged && env.CASEBRIDGE_DEVTOOLS === '1',
    ...(!isPackaged && binding ? { nativeBinding: binding } : {}),
  };
}
