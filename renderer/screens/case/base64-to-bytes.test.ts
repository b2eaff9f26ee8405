import { describe, expect, it } from 'vitest';
import { base64ToBytes } from './base64-to-bytes.ts';

describe('base64ToBytes', () => {
  it('gives back exactly the bytes that were encoded, including every byte value', () => {
    const original = Uint8Array.from({ length: 256 * 3 + 1 }, (_, i) => (i * 7) % 256);
    expect([...base64ToBytes(Buffer.from(original).toString('base64'))]).toEqual([...original]);
  });

  it('decodes an empty string to no bytes', () => {
    expect(base64ToBytes('')).toHaveLength(0);
  });

  it('refuses text that is not base64 rather than inventing bytes', () => {
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});
