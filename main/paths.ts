/** The local (not roaming) application-data folder of the desktop, per OS user. */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where caches live: `CASEBRIDGE_DESKTOP_DATA_DIR`, else the platform's local app-data folder. */
export function localDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.CASEBRIDGE_DESKTOP_DATA_DIR) {
    return env.CASEBRIDGE_DESKTOP_DATA_DIR;
  }
  if (platform === 'win32') {
    return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Casebridge');
  }
  if (platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', 'Casebridge');
  }
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'casebridge');
}
