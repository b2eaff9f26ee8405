/** Unit tests: only the app:// origin may call the desktop API over IPC. */
import { describe, expect, it } from 'vitest';
import { APP_ORIGIN } from './app-origin.ts';
import { isSameOrigin } from './is-same-origin.ts';
import { isTrustedSender } from './is-trusted-sender.ts';

describe('isTrustedSender', () => {
  it('trusts a page served from the app origin', () => {
    expect(isTrustedSender('app://casebridge/index.html', APP_ORIGIN)).toBe(true);
    expect(isTrustedSender('app://casebridge/index.html#/cases?x=1', APP_ORIGIN)).toBe(true);
  });

  it.each([
    ['a file:// page', 'file:///C:/Program%20Files/Casebridge/resources/app.asar/dist/renderer/index.html'],
    ['a web page', 'http://evil.example/'],
    ['an https page', 'https://casebridge/index.html'],
    ['the loopback host', 'http://127.0.0.1:4318/'],
    ['another app:// host', 'app://evil/index.html'],
    ['a look-alike host', 'app://casebridge.evil.example/index.html'],
    ['user info in front of the host', 'app://casebridge@evil/index.html'],
    ['a port on the app host', 'app://casebridge:8080/index.html'],
    ['about:blank', 'about:blank'],
    ['a data: URL', 'data:text/html,<script>1</script>'],
    ['a destroyed frame (empty URL)', ''],
    ['no frame at all', null],
    ['an unparsable URL', 'app//casebridge'],
  ])('does not trust %s', (_label, url) => {
    expect(isTrustedSender(url, APP_ORIGIN)).toBe(false);
  });
});

describe('isSameOrigin', () => {
  it('compares scheme, host and port even though Node reports custom-scheme origins as "null"', () => {
    expect(new URL('app://casebridge/x').origin).toBe('null');
    expect(isSameOrigin('app://casebridge/x', 'app://casebridge')).toBe(true);
    expect(isSameOrigin('app://other/x', 'app://casebridge')).toBe(false);
  });

  it('refuses when the expected origin itself has no host', () => {
    expect(isSameOrigin('file:///etc/passwd', 'file://')).toBe(false);
  });
});
