/** What the end-to-end specs share: the context from global-setup, the app signed in, and the cloud API as a user. */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import type { E2eContext } from './global-setup.ts';
import { contextFileOfWorker } from './worker-context.ts';

/** What global-setup wrote for this worker's world. */
export const context = JSON.parse(readFileSync(contextFileOfWorker(), 'utf8')) as E2eContext;

/** Opens the app signed in (the core behind the loopback host may still hold a session) and synced. */
export async function openSignedIn(page: Page): Promise<void> {
  await page.goto(context.url);
  await expect(page.getByLabel('Username').or(page.getByTestId('sync-status'))).toBeVisible();
  if (await page.getByLabel('Username').isVisible()) {
    // The end-to-end server allows these many sign-ins a minute (global-setup.ts), so none is refused.
    await page.getByLabel('Username').fill(context.user.username);
    await page.getByLabel('Password').fill(context.user.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
  }
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 40_000 });
}

/** Signs `user` in on the sign-in screen at `url` (this worker's desktop unless another is given) and waits for the first sync. */
export async function signInAs(page: Page, user: { username: string; password: string }, url: string = context.url): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(user.username);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('sync-status')).toContainText('Up to date', { timeout: 30_000 });
}

/** Leaves the core signed out, keeping its offline copy, as the next spec file expects. */
export async function leaveSignedOut(browser: Browser): Promise<void> {
  const page = await browser.newPage();
  await page.goto(context.url);
  await expect(page.getByLabel('Username').or(page.getByTestId('sync-status'))).toBeVisible();
  if (await page.getByTestId('sync-status').isVisible()) {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('dialog', { name: 'Sign out of Casebridge?' }).getByRole('button', { name: 'Sign out' }).click();
    await expect(page.getByLabel('Username')).toBeVisible();
  }
  await page.close();
}

/** Access tokens by username, kept for the worker: one sign-in per user, not one per call. */
const tokens = new Map<string, string>();

/** Signs in to the cloud API as the practitioner (or another user) and answers the access token; one sign-in per user per worker. */
export async function apiSignIn(username = context.user.username, password = context.user.password): Promise<string> {
  const known = tokens.get(username);
  if (known !== undefined) {
    return known;
  }
  const res = await fetch(`${context.serverUrl}/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  expect(res.status).toBe(200);
  const token = ((await res.json()) as { accessToken: string }).accessToken;
  tokens.set(username, token);
  return token;
}

/** Calls the cloud API as a signed-in user; fails the test unless the server answers `status`. */
export async function callApi<T>(token: string, method: string, path: string, body?: { payload: Buffer; headers: Record<string, string> }, status = 200): Promise<T> {
  const res = await fetch(`${context.serverUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...body?.headers },
    ...(body === undefined ? {} : { body: new Uint8Array(body.payload) }),
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(status);
  return (await res.json()) as T;
}

/** Calls the cloud API as a signed-in user with an optional JSON body; fails the test on any status but 200. */
export async function callJsonApi<T>(token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${context.serverUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(200);
  return (await res.json()) as T;
}

/**
 * Serious or critical accessibility violations on the page as it is now (rule id, how many nodes, and
 * the first few of them), or only within the elements `within` selects.
 */
export async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  // Legacy mode runs axe in the page itself rather than gathering each frame's results in a new blank page,
  // and only violations are gathered in full (passes are not read here): the same rules, about 3.5 times
  // faster here. Legacy mode skips cross-origin frames, and the app has no frames.
  const builder = new AxeBuilder({ page }).setLegacyMode(true).options({ resultTypes: ['violations'] });
  const results = await (within === undefined ? builder : builder.include(within)).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.nodes.length}): ${v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')).join(' | ')}`);
}

/**
 * How far the window scrolls below everything it shows: blank space a reader can scroll into. A form
 * taller than the window may scroll it, as far as its last field; nothing may scroll it further (a hidden
 * label escaping a scrolling list once stretched the window thousands of pixels below the queue). What a
 * scrolling frame hides counts only as far as the frame reaches, and 1-pixel hidden labels not at all.
 */
export async function blankBelowApp(page: Page): Promise<number> {
  return page.evaluate(() => {
    let lowest = 0;
    const walk = (element: Element, clipBottom: number): void => {
      const style = getComputedStyle(element);
      if (style.display === 'none') {
        return;
      }
      const box = element.getBoundingClientRect();
      if (box.width > 1 && box.height > 1) {
        lowest = Math.max(lowest, Math.min(box.bottom, clipBottom));
      }
      const clips = style.overflowY !== 'visible' && element !== document.body;
      for (const child of element.children) {
        walk(child, clips ? Math.min(clipBottom, box.bottom) : clipBottom);
      }
    };
    walk(document.body, Infinity);
    return Math.max(0, Math.round(document.scrollingElement!.scrollHeight - Math.max(window.innerHeight, lowest + window.scrollY)));
  });
}

/**
 * Checks the screen as shown, at 200 % zoom and in the dark theme for serious or critical axe
 * violations and for blank space below the app, keeping a screenshot of each as a test artifact
 * named after `name`.
 */
export async function expectAccessibleScreen(page: Page, name: string): Promise<void> {
  // Scan the settled screen: a list being read again is dimmed for a moment (aria-busy), which is not what people read.
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0, { timeout: 15_000 });
  expect(await seriousViolations(page), `${name} as shown`).toEqual([]);
  expect(await blankBelowApp(page), `${name}: blank space below the app`).toBe(0);
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  // 200 % zoom as Chromium applies it: the page lays out in half the window's CSS pixels, so the media
  // queries see it too (the top bar's screens fold behind Menu). CSS `zoom` on the body would scale the
  // content but leave the media queries at full width, a layout no user ever sees.
  const shown = page.viewportSize()!;
  await page.setViewportSize({ width: Math.round(shown.width / 2), height: Math.round(shown.height / 2) });
  expect(await seriousViolations(page), `${name} at 200 %`).toEqual([]);
  expect(await blankBelowApp(page), `${name} at 200 %: blank space below the app`).toBe(0);
  await page.screenshot({ path: test.info().outputPath(`${name}-200.png`), fullPage: true });
  await page.setViewportSize(shown);
  const theme = await page.evaluate(() => document.documentElement.dataset.theme ?? '');
  await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
  expect(await seriousViolations(page), `${name} in the dark theme`).toEqual([]);
  await page.screenshot({ path: test.info().outputPath(`${name}-dark.png`), fullPage: true });
  await page.evaluate((previous) => { document.documentElement.dataset.theme = previous; }, theme);
}
