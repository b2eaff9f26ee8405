/** The renderer's own origin under Electron: a privileged, standard, secure custom scheme (never file://). */

/** The custom scheme the renderer is served from. */
export const APP_SCHEME = 'app';
/** The one host under that scheme. */
export const APP_HOST = 'casebridge';
/** The renderer's origin; IPC senders and navigation targets must have exactly this origin. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the main window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
