/** The Electron entry point: single instance, app:// protocol, the desktop core behind sender-checked IPC, one hardened window. */
import { join } from 'node:path';
import { app, dialog, Menu, net, safeStorage, session, type BrowserWindow } from 'electron';
import { createDesktopCore } from '../main/core/create-desktop-core.ts';
import { createKeyringSecretStore } from '../main/secrets/keyring-secret-store.ts';
import { resolveSqliteBinding } from '../main/native/sqlite-binding.ts';
import { localDataDir } from '../main/paths.ts';
import { effectiveSettings } from '../main/machine-policy/effective-settings.ts';
import { loadMachinePolicy } from '../main/machine-policy/machine-policy.ts';
import { serverTransportProblem } from '../main/machine-policy/server-transport.ts';
import { applyAdminPolicy, formatPolicyWarnings } from './admin-policy.ts';
import { APP_ENTRY_URL, APP_ORIGIN } from './app-origin.ts';
import { registerAppScheme, serveRenderer } from './app-protocol.ts';
import { chooseSecretStore } from './choose-secret-store.ts';
import { closeCoreOnQuit } from './close-core-on-quit.ts';
import { forwardCoreEvents, registerIpcHandlers } from './ipc-registration.ts';
import { showOsNotifications } from './os-notifications.ts';
import { createPreferencesStore } from './preferences.ts';
import { readShellConfig } from './shell-config.ts';
import { electronSocketTransport } from './socket-transport.ts';
import { createMainWindow } from './window.ts';

let mainWindow: BrowserWindow | null = null;

// Privileged schemes must be declared before the app is ready.
registerAppScheme();

if (app.requestSingleInstanceLock()) {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) {
        mainWindow.restore();
      }
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal(error));
} else {
  app.quit();
}

async function start(): Promise<void> {
  // The app root holds package.json and dist/ — the project folder in development, app.asar when packaged.
  const appRoot = app.getAppPath();
  const shellConfig = readShellConfig(process.env, localDataDir(), app.isPackaged);
  // Machine policy wins over the environment and the user's preferences (docs/security.md).
  const policy = await loadMachinePolicy(shellConfig.dataDir);
  for (const line of formatPolicyWarnings(policy.warnings)) {
    console.warn(line);
  }
  const preferences = createPreferencesStore();
  const settings = effectiveSettings(policy, preferences.get());
  const config = applyAdminPolicy(shellConfig, settings);
  const transportProblem = serverTransportProblem(config.serverUrl, app.isPackaged);
  if (transportProblem !== null) {
    throw new StartError(`Casebridge cannot use the server ${config.serverUrl}: ${transportProblem}. Ask your IT team to check the server address.`);
  }
  if (!config.devTools) {
    // The default menu offers View > Toggle Developer Tools and Reload.
    Menu.setApplicationMenu(null);
  }
  // Under Electron, an Electron-ABI build of the SQLite addon when one was built (scripts/postinstall.mjs).
  const nativeBinding = resolveSqliteBinding({
    versions: process.versions,
    resourcesPath: process.resourcesPath,
    ...(app.isPackaged ? {} : { projectRoot: appRoot }),
    ...(config.nativeBinding ? { override: config.nativeBinding } : {}),
  });
  // The policy's store only; a safeStorage that refuses here makes sign-in fail with keychain_unavailable.
  const secrets = chooseSecretStore(policy.policy.secretStore, { safeStorage, dataDir: config.dataDir, platform: process.platform, createKeychain: createKeyringSecretStore });
  if (secrets.problem !== null) {
    console.warn(`Casebridge secret store (${policy.policy.secretStore}): ${secrets.problem} Sign-in will fail until this is fixed.`);
  }
  const core = createDesktopCore({
    serverUrl: config.serverUrl,
    dataDir: config.dataDir,
    ...(nativeBinding ? { nativeBinding } : {}),
    secretStore: secrets.store,
    settings,
    policy,
    preferences,
    // Chromium's network stack: the system proxy, PAC and the Windows certificate store apply.
    fetchImpl: (input, init) => net.fetch(input instanceof URL ? input.href : input, init),
    // The poke socket runs on Node's stack: give it the same proxy and certificate authorities.
    socketTransport: electronSocketTransport(session.defaultSession),
  });
  closeCoreOnQuit(app, core);
  serveRenderer(join(appRoot, 'dist', 'renderer'));
  registerIpcHandlers(core, APP_ORIGIN);

  const window = createMainWindow({
    preloadPath: join(appRoot, 'dist', 'electron', 'preload.cjs'),
    contentProtection: settings.contentProtection,
    devTools: config.devTools,
  });
  mainWindow = window;
  forwardCoreEvents(core, window.webContents);
  showOsNotifications(core, window);
  window.on('closed', () => {
    mainWindow = null;
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => fatal(error));
}

/** A start-up refusal whose message is meant for the user. */
class StartError extends Error {}

function fatal(error: unknown): void {
  console.error('Casebridge could not start.', error);
  if (error instanceof StartError) {
    dialog.showErrorBox('Casebridge could not start', error.message);
  }
  app.exit(1);
}
