/** Whether a URL has exactly the expected origin (scheme, host, port), compared structurally. */

/**
 * True when `url` parses and has the same scheme, host and port as `expectedOrigin`, and no user
 * info. Node reports `origin` as "null" for custom schemes, so the parts are compared one by one.
 */
export function isSameOrigin(url: string, expectedOrigin: string): boolean {
  const actual = parse(url);
  const expected = parse(expectedOrigin);
  if (!actual || !expected) {
    return false;
  }
  return (
    actual.protocol === expected.protocol &&
    actual.hostname === expected.hostname &&
    actual.port === expected.port &&
    actual.username === '' &&
    actual.password === '' &&
    expected.hostname !== ''
  );
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
