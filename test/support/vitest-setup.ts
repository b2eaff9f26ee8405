/**
 * Runs before every test file. Component tests (jsdom) wait up to 5 s for what they look for rather than
 * Testing Library's 1 s: several files run side by side on two cores, and a render can take longer than a
 * second under that load without anything being wrong. What is awaited is unchanged.
 */
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/react');
  configure({ asyncUtilTimeout: 5_000 });
}
