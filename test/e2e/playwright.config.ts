import { defineConfig } from '@playwright/test';

/** End-to-end tests drive the loopback host in Debian's Chromium (Playwright's own browsers cannot be downloaded here). */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  // Each worker gets its own server, desktop core and demo world (global-setup.ts), and runs its files one
  // after another, as each signs its core in and out. One worker by default: on a busy 2-core machine a
  // second one pushed axe scans past their test timeouts. `E2E_WORKERS=2` runs two on a bigger machine.
  fullyParallel: false,
  workers: Number(process.env.E2E_WORKERS ?? 1),
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
});
