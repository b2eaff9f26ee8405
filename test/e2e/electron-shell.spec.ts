/**
 * The real Electron shell, wherever its binary is present (docs/architecture.md): the hardened window
 * loads the app from app://, exposes only the typed bridge, and signs in against the demo server.
 * Where Electron's binary could not be downloaded (CI here), the test says so and is skipped.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from '../../main/loopback/electron-binary.ts';
import type { E2eContext } from './global-setup.ts';
import { contextFileOfWorker } from './worker-context.ts';

const binary = findElectronBinary(process.cwd());

test('the Electron shell signs in and shows the queue through the preload bridge', async () => {
  test.skip(binary === null, 'SKIPPED: no Electron binary in node_modules/electron/dist (its download needs the internet); the same app is covered through the loopback host.');
  const context = JSON.parse(readFileSync(contextFileOfWorker(), 'utf8')) as E2eContext;
  await import('../../scripts/build-electron.ts');
  const app = await electron.launch({
    executablePath: binary!,
    args: [process.cwd()],
    env: { ...process.env, CASEBRIDGE_SERVER_URL: context.serverUrl, CASEBRIDGE_DESKTOP_DATA_DIR: join(process.cwd(), 'test-results', 'electron-data') },
  });
  try {
    const window = await app.firstWindow();
    expect(window.url()).toMatch(/^app:\/\/casebridge\//);
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    await window.getByLabel('Username').fill(context.user.username);
    await window.getByLabel('Password').fill(context.user.password);
    await window.getByRole('button', { name: 'Sign in' }).click();
    await expect(window.getByTestId('sync-status')).toContainText('Up to date', { timeout: 20_000 });
  } finally {
    await app.close();
  }
});
