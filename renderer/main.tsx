/** Renderer entry point: mounts the app with the desktop API for this window. */
// Must stay the first import: it configures zod before the contract's schemas are built.
import './zod-jitless.ts';
// Global styles before any component, so each component's CSS Module follows them in the bundle and wins over
// the shared rules. case-detail.css stays global until the case screen becomes CSS Modules; it follows
// styles.css, as it always did, so its rules still win over the shared ones.
import './styles.css';
import './styles/case-detail.css';
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
