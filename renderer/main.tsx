/** Renderer entry point: mounts the app with the desktop API for this window. */
// Must stay the first import: it configures zod before the contract's schemas are built.
import './zod-jitless.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { DesktopApiContext } from './api/desktop-api-context.ts';
import { getDesktopApi } from './api/desktop/get-desktop-api.ts';
import './styles.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('index.html has no #root element.');
}
createRoot(container).render(
  <StrictMode>
    <DesktopApiContext value={getDesktopApi()}>
      <App />
    </DesktopApiContext>
  </StrictMode>,
);
