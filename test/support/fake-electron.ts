/**
 * A stand-in for the `electron` module, bundled by test/desktop/electron-main-bundle.test.ts in
 * place of the real one, so the built main process (main.cjs) runs under plain Node. It also plays
 * the renderer: once the window loads, it invokes one IPC channel as the app's main frame, prints
 * the answer on stdout and exits.
 *
 * Environment: FAKE_ELECTRON_USER_DATA (electron-store's folder), FAKE_ELECTRON_SAFE_STORAGE
 * (the Linux backend safeStorage reports; `unavailable` for no encryption), FAKE_ELECTRON_CALL
 * (JSON `{ channel, input }`), FAKE_ELECTRON_PACKAGED (`1`: play an installed app). What the shell does to
 * the window, the menu and error boxes is printed as `FAKE_ELECTRON_SHELL {…}` lines.
 */
import { APP_ENTRY_URL } from '../../electron/app-origin.ts';
import { ipcChannelFor } from '../../electron/ipc-channels.ts';
import { fakeSafeStorage } from './fake-safe-storage.ts';

/** The line prefix the answer is printed after. */
export const ANSWER_PREFIX = 'FAKE_ELECTRON_ANSWER ';
/** The line prefix of what the shell did to windows, menus and error boxes. */
export const SHELL_PREFIX = 'FAKE_ELECTRON_SHELL ';

function report(what: Record<string, unknown>): void {
  process.stdout.write(`${SHELL_PREFIX}${JSON.stringify(what)}\n`);
}

type Handler = (event: unknown, input: unknown) => Promise<unknown>;
const handlers = new Map<string, Handler>();
const noop = () => undefined;

const backend = process.env.FAKE_ELECTRON_SAFE_STORAGE ?? 'gnome_libsecret';
/** Electron's safeStorage, backed by the reversible fake. */
export const safeStorage = fakeSafeStorage(backend === 'unavailable' ? 'gnome_libsecret' : backend, backend !== 'unavailable');

/** The app: one instance, ready at once, unpackaged. */
export const app = {
  isPackaged: process.env.FAKE_ELECTRON_PACKAGED === '1',
  requestSingleInstanceLock: () => true,
  on: () => app,
  whenReady: () => Promise.resolve(),
  getAppPath: () => process.cwd(),
  getPath: () => process.env.FAKE_ELECTRON_USER_DATA ?? process.cwd(),
  getVersion: () => '0.0.0-test',
  quit: noop,
  exit: (code: number) => process.exit(code),
};

/** Chromium's fetch, played by Node's. */
export const net = { fetch: (input: string, init?: RequestInit) => fetch(input, init) };
/** The app:// protocol: nothing is served (no page runs). */
export const protocol = { registerSchemesAsPrivileged: noop, handle: noop };
/** Records the handlers the shell registers. */
export const ipcMain = {
  handle: (channel: string, handler: Handler) => void handlers.set(channel, handler),
  removeHandler: (channel: string) => void handlers.delete(channel),
  on: () => ipcMain,
};
/** electron-store imports it; nothing here opens anything. */
export const shell = {};
/** The default session: no proxy. */
export const session = { defaultSession: { resolveProxy: () => Promise.resolve('DIRECT') } };
/** The application menu: reports what the shell sets. */
export const Menu = { setApplicationMenu: (menu: unknown) => report({ applicationMenu: menu }) };
/** Error boxes: reported instead of shown. */
export const dialog = { showErrorBox: (title: string, content: string) => report({ errorBox: { title, content } }) };

// The window's one frame, on the app's own origin: what a trusted sender looks like.
const mainFrame = { frameToken: 'main-frame', parent: null, url: APP_ENTRY_URL };

/** A window that never shows; loading its page runs the scripted renderer call. */
export class BrowserWindow {
  readonly webContents = {
    mainFrame,
    session: { setPermissionRequestHandler: noop, setPermissionCheckHandler: noop },
    setWindowOpenHandler: noop,
    on: noop,
    once: noop,
    isDestroyed: () => false,
    send: noop,
  };

  constructor(options: { webPreferences?: { devTools?: boolean } }) {
    report({ window: { devTools: options.webPreferences?.devTools ?? 'default' } });
  }

  setContentProtection = noop;
  once = noop;
  on = noop;

  loadURL(): Promise<void> {
    setImmediate(() => void callFromRenderer());
    return Promise.resolve();
  }
}

async function callFromRenderer(): Promise<void> {
  const { channel, input } = JSON.parse(process.env.FAKE_ELECTRON_CALL ?? '{}') as { channel: string; input: unknown };
  const handler = handlers.get(ipcChannelFor(channel));
  const answer = handler ? await handler({ senderFrame: mainFrame, sender: { mainFrame } }, input) : { unregistered: channel };
  process.stdout.write(`${ANSWER_PREFIX}${JSON.stringify(answer)}\n`, () => process.exit(0));
}
