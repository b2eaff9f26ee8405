/** Builds the renderer with Vite (used by `npm start` when no build exists yet). */
import { join } from 'node:path';
import { build } from 'vite';

/** Runs `vite build` with the renderer's config. */
export async function buildRenderer(root: string): Promise<void> {
  await build({ configFile: join(root, 'vite.renderer.config.ts'), logLevel: 'warn' });
}
