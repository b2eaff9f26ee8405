import { defineConfig } from '@playwright/test';

/** End-to-end tests drive the loopback host in Debian's Chromium (Playwright's own browsers cannot be downloaded here). */
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  globalSetup: './global-setup.ts',
  // Two workers, each with its own server, desktop core and demo world (global-setup.ts); the files
  // of a worker run one after another, as each signs its core in and out.
  fullyParallel: false,
  workers: 2,
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
