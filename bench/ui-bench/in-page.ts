/**
 * Timing taken inside the page, on the page's own clock: `arm` installs a listener for the starting
 * input event (its `timeStamp` is when the input happened) and a MutationObserver that waits for the
 * DOM to show the expected state; `settled` answers the milliseconds from the input to the frame
 * after that state was committed (a requestAnimationFrame, then a task: the frame has been painted).
 *
 * The page code is plain JavaScript text: tsx compiles functions with esbuild's keepNames, whose
 * `__name` helper does not exist in the page, so functions cannot be handed to `page.evaluate`.
 */
import type { Page } from '@playwright/test';

/** What the DOM must show before the clock stops. */
export type Awaited =
  | { kind: 'rows' }
  | { kind: 'filtered'; needle: string; countText: string }
  | { kind: 'detail'; title: string };

const ARM = String.raw`(([event, want]) => {
  function shows() {
    if (want.kind === 'rows') {
      return document.querySelector('[data-testid="case-row"]') !== null;
    }
    if (want.kind === 'detail') {
      const heading = document.querySelector('[data-testid="case-detail"] h1');
      return heading !== null && heading.textContent === want.title;
    }
    const counted = [...document.querySelectorAll('p[aria-live="polite"]')].some((p) => p.textContent === want.countText);
    // The reference and title cells only: the rest of a row (dates, agency) would match digits too.
    const rows = [...document.querySelectorAll('[data-testid="case-row"]')];
    return counted && rows.length > 0
      && rows.every((r) => ((r.cells[0]?.textContent ?? '') + ' ' + (r.cells[1]?.textContent ?? '')).toLowerCase().includes(want.needle));
  }
  window.__benchTiming = new Promise((resolve) => {
    let started;
    const observer = new MutationObserver(check);
    function check() {
      if (started !== undefined && shows()) {
        observer.disconnect();
        const from = started;
        window.__benchShown = performance.now();
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - from), 0));
      }
    }
    performance.clearResourceTimings();
    document.addEventListener(event, (e) => {
      started = e.timeStamp;
      window.__benchStarted = started;
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
      check();
    }, { capture: true, once: true });
  });
})`;

const SETTLED = String.raw`((limit) => {
  if (window.__benchTiming === undefined) {
    throw new Error('nothing armed');
  }
  return Promise.race([window.__benchTiming, new Promise((_, reject) => setTimeout(() => reject(new Error('not shown within ' + limit + ' ms')), limit))]);
})`;

const BREAKDOWN = String.raw`((channel) => {
  const from = window.__benchStarted;
  const shown = window.__benchShown;
  const calls = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/ipc/' + channel) && e.startTime >= from && e.responseEnd <= shown);
  const call = calls.at(-1);
  return call === undefined ? null : { beforeCall: call.startTime - from, call: call.responseEnd - call.startTime, toDom: shown - call.responseEnd, calls: calls.length };
})`;

/** Where the last measurement's time went, around the last call to `channel` it waited for (null when none was seen). */
export interface Breakdown {
  /** From the input event to the call leaving the page (React, the query layer). */
  beforeCall: number;
  /** The call through the loopback host: the core, the cache worker, the audit record, both ways over HTTP. */
  call: number;
  /** From the answer to the expected DOM (parsing, validation, React rendering). */
  toDom: number;
  /** Calls to the channel during the measurement. */
  calls: number;
}

/** After `settled`: the last measurement's time split around its last `channel` call. */
export async function breakdown(page: Page, channel: string): Promise<Breakdown | null> {
  return page.evaluate<Breakdown | null>(`${BREAKDOWN}(${JSON.stringify(channel)})`);
}

/** Starts listening for `startEvent` (captured at the document) and for `until`; call before the input. */
export async function arm(page: Page, startEvent: 'click' | 'keydown' | 'input', until: Awaited): Promise<void> {
  await page.evaluate(`${ARM}(${JSON.stringify([startEvent, until])})`);
}

/** Waits for the armed measurement to finish; throws after `timeoutMs`. */
export async function settled(page: Page, timeoutMs = 60_000): Promise<number> {
  return Number(await page.evaluate(`${SETTLED}(${JSON.stringify(timeoutMs)})`));
}
