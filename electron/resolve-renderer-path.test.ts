/** Unit tests: app:// URLs map only to files inside the renderer folder. */
import fc from 'fast-check';
import { join, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveRendererPath } from './resolve-renderer-path.ts';

const dir = resolve('/opt/casebridge/dist/renderer');

describe('resolveRendererPath', () => {
  it('maps the entry page and hashed assets to files inside the renderer folder', () => {
    expect(resolveRendererPath(dir, 'app://casebridge/index.html')).toBe(join(dir, 'index.html'));
    expect(resolveRendererPath(dir, 'app://casebridge/assets/index-Bx1.js')).toBe(join(dir, 'assets', 'index-Bx1.js'));
  });

  it('serves index.html for the bare origin and ignores the query and fragment', () => {
    expect(resolveRendererPath(dir, 'app://casebridge/')).toBe(join(dir, 'index.html'));
    expect(resolveRendererPath(dir, 'app://casebridge/assets/a.css?v=1#x')).toBe(join(dir, 'assets', 'a.css'));
  });

  it('decodes percent-encoded names that are harmless', () => {
    expect(resolveRendererPath(dir, 'app://casebridge/assets/my%20font.woff2')).toBe(join(dir, 'assets', 'my font.woff2'));
  });

  it.each([
    'app://casebridge/../../etc/passwd',
    'app://casebridge/assets/../../../etc/passwd',
    'app://casebridge/%2e%2e/%2e%2e/etc/passwd',
    'app://casebridge/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd',
    'app://casebridge/..%5c..%5cwindows%5cwin.ini',
    'app://casebridge/assets\\..\\..\\secret',
    'app://casebridge/C:/Windows/win.ini',
    'app://casebridge/index.html::$DATA',
    'app://casebridge//etc/passwd',
    'app://casebridge/./index.html',
    'app://casebridge/.env',
    'app://casebridge/assets/',
    'app://casebridge/index.html%00.png',
    'app://casebridge/%E0%A4%A',
  ])('refuses %s', (url) => {
    expect(resolveRendererPath(dir, url)).toBeNull();
  });

  it.each([
    'file:///etc/passwd',
    'http://evil.example/index.html',
    'app://evil/index.html',
    'app://casebridge.evil/index.html',
    'app://casebridge@evil/index.html',
    'app://casebridge',
  ])('refuses a URL that is not on the app origin: %s', (url) => {
    expect(resolveRendererPath(dir, url)).toBeNull();
  });

  it('never returns a path outside the renderer folder, whatever the URL (property)', () => {
    const piece = fc.constantFrom('a', 'b.js', '.', '..', '/', '\\', '%2e', '%2E', '%2f', '%5c', '%00', ':', '%25', '~', 'C:');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const file = resolveRendererPath(dir, `app://casebridge/${pieces.join('')}`);
        return file === null || (file.startsWith(dir + sep) && !file.slice(dir.length).includes(`${sep}.`));
      }),
      { numRuns: 2000 },
    );
  });
});
