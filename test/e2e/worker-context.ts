/** Which world a spec talks to: global-setup starts one per Playwright worker. */

/** The context file of the worker this code runs in (`TEST_PARALLEL_INDEX`, set by Playwright in each worker). */
export function contextFileOfWorker(): string {
  const file = process.env[`E2E_CONTEXT_FILE_${process.env.TEST_PARALLEL_INDEX ?? '0'}`];
  if (file === undefined) {
    throw new Error('No end-to-end context for this worker: run the specs through test/e2e/playwright.config.ts');
  }
  return file;
}
