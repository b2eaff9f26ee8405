/** Unit tests: Content-Type by file extension for the app:// scheme. */
import { describe, expect, it } from 'vitest';
import { contentTypeFor } from './content-type.ts';

describe('contentTypeFor', () => {
  it('types the files Vite emits so module scripts and styles load', () => {
    expect(contentTypeFor('/r/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-AB.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/index-AB.css')).toBe('text/css; charset=utf-8');
  });

  it('serves anything unknown as opaque bytes', () => {
    expect(contentTypeFor('/r/file.exe')).toBe('application/octet-stream');
    expect(contentTypeFor('/r/noextension')).toBe('application/octet-stream');
  });
});
