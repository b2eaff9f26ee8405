/**
 * Builds the renderer into dist/renderer with relative asset paths, so the same files load from
 * the Electron custom protocol and from the loopback host. Run from the repo root:
 * `vite build --config vite.renderer.config.ts`.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: fileURLToPath(new URL('./renderer', import.meta.url)),
  base: './',
  plugins: [react()],
  // Each component's *.module.css: class names hashed per file, read in TypeScript as camelCase keys
  // (`styles.sessionEnded`). They are bundled into the CSS file like the global styles, never inlined.
  css: { modules: { localsConvention: 'camelCaseOnly' } },
  build: {
    outDir: fileURLToPath(new URL('./dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // Chromium only: no polyfill, and nothing inline that the CSP would have to allow.
    modulePreload: { polyfill: false },
  },
});
