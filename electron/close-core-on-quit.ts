/** Holds the app's quit until the desktop core has closed its cache and timers. */
import type { App } from 'electron';
import type { DesktopCore } from '../main/core/desktop-core.ts';

/** On the first quit request, closes the core, then quits for real; a failed close still quits. */
export function closeCoreOnQuit(app: App, core: DesktopCore): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') {
      return;
    }
    event.preventDefault();
    if (state === 'closing') {
      return;
    }
    state = 'closing';
    void core
      .close()
      .catch((error: unknown) => console.error('Casebridge: closing the desktop core failed.', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
