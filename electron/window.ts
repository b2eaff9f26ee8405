/** The main window, locked down per the Electron security checklist (docs/security.md). */
import { BrowserWindow, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from './app-origin.ts';
import { isSameOrigin } from './is-same-origin.ts';

/** What the window needs from its caller. */
export interface MainWindowOptions {
  preloadPath: string;
  /** Keeps the window out of screen capture and sharing; on by default. */
  contentProtection?: boolean;
  /** DevTools stay off unless the shell config allows them (development only). */
  devTools: boolean;
}

/** Creates the hardened main window (not yet loaded). */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 600,
    show: false,
    title: 'Casebridge',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: options.devTools,
    },
  });
  if (options.contentProtection ?? true) {
    window.setContentProtection(true);
  }
  hardenWebContents(window.webContents);
  denyAllPermissions(window.webContents.session);
  window.once('ready-to-show', () => window.show());
  return window;
}

/** No new windows, no webviews, no navigation or redirect away from the app's own origin. */
export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-navigate', (event, url) => {
    if (!isSameOrigin(url, APP_ORIGIN)) {
      event.preventDefault();
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isSameOrigin(url, APP_ORIGIN)) {
      event.preventDefault();
    }
  });
}

/** Camera, microphone, notifications, geolocation, clipboard…: the renderer gets none of them. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
