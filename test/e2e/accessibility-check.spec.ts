/**
 * The checks every screen's test relies on (e2e-support.ts) find what they are there to find: axe's
 * serious and critical violations, and blank space the window scrolls into below the app.
 */
import { expect, test } from '@playwright/test';
import { blankBelowApp, seriousViolations } from './e2e-support.ts';

test('seriousViolations reports a nameless button and unreadable text, and nothing once they are gone', async ({ page }) => {
  await page.setContent(`<!doctype html><html lang="en-GB"><head><title>Check</title></head><body><main>
    <h1>Synthetic screen</h1>
    <p id="faint" style="color: #ddd; background: #fff">Faint text</p>
    <button id="nameless"></button>
  </main></body></html>`);
  const found = await seriousViolations(page);
  expect(found.map((v) => v.split(' ')[0])).toEqual(expect.arrayContaining(['button-name', 'color-contrast']));
  await page.evaluate(() => {
    document.getElementById('nameless')!.textContent = 'Save';
    document.getElementById('faint')!.style.color = '#222';
  });
  expect(await seriousViolations(page)).toEqual([]);
});

test('blankBelowApp counts an escaped hidden label, not a tall form or a scrolling frame', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 400 });
  await page.setContent(`<!doctype html><html lang="en-GB"><head><title>Check</title>
    <style>html, body { height: 100%; margin: 0 } .hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0) }</style>
    </head><body><div id="frame" style="height: 300px; overflow: auto"><div style="height: 3000px"></div><span class="hidden">Warning</span></div></body></html>`);
  expect(await blankBelowApp(page)).toBeGreaterThan(2_000);
  await page.evaluate(() => { document.getElementById('frame')!.style.position = 'relative'; });
  expect(await blankBelowApp(page)).toBe(0);
  // A form taller than the window may scroll it, as far as its last field.
  await page.evaluate(() => { document.body.insertAdjacentHTML('beforeend', '<form style="height: 900px"><input aria-label="Last"></form>'); });
  expect(await page.evaluate(() => document.scrollingElement!.scrollHeight)).toBeGreaterThan(1_000);
  expect(await blankBelowApp(page)).toBe(0);
});
