/** Renderer entry point: mounts the app with the desktop API for this window. */
// Must stay the first import: it configures zod before the contract's schemas are built.
import './zod-jitless.ts';
// Global styles before any component, so each component's CSS Module follows them in the bundle and wins over
// the shared rules at equal specificity (e.g. a module's margin beside the shared .form-error).
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getDesktopApi } from './api/desktop/get-desktop-api.ts';
import { App } from './app/App.tsx';
import { Providers } from './app/Providers.tsx';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element.');
}
// The desktop API is made first: it takes the loopback token out of the URL before the router reads it.
const api = getDesktopApi();
createRoot(container).render(
  <StrictMode>
    <Providers api={api}>
      <App />
    </Providers>
  </StrictMode>,
);
