import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { newId } from '../../domain/ids.ts';
import { deriveDocumentFileKey, openSealedDocument, sealDocument } from './document-cipher.ts';

const cacheKey = randomBytes(32).toString('hex');
const fileKey = deriveDocumentFileKey(cacheKey);
const CONTENT = Buffer.from('%PDF-1.7\nSynthetic safety plan for Quillon Maybury\n%%EOF\n');

describe('sealed document files', () => {
  it('opens what it sealed, and the sealed bytes hold neither the content nor the key', () => {
    const id = newId();
    const sealed = sealDocument(fileKey, id, CONTENT);
    expect(openSealedDocument(fileKey, id, sealed).equals(CONTENT)).toBe(true);
    expect(sealed.includes(Buffer.from('Quillon'))).toBe(false);
    expect(sealed.includes(fileKey)).toBe(false);
    expect(sealed.subarray(0, 5)).toEqual(Buffer.from([...Buffer.from('CBDF'), 1]));
  });

  it('derives a file key that is not the cache key, the same each time for one cache key', () => {
    expect(fileKey.toString('hex')).not.toBe(cacheKey);
    expect(fileKey).toHaveLength(32);
    expect(deriveDocumentFileKey(cacheKey).equals(fileKey)).toBe(true);
    expect(deriveDocumentFileKey(randomBytes(32).toString('hex')).equals(fileKey)).toBe(false);
    expect(() => deriveDocumentFileKey('not-a-key')).toThrow(expect.objectContaining({ code: 'internal_error' }));
  });

  it('uses a fresh nonce per file, so sealing the same content twice gives different bytes', () => {
    const id = newId();
    expect(sealDocument(fileKey, id, CONTENT).equals(sealDocument(fileKey, id, CONTENT))).toBe(false);
  });

  it('refuses a flipped bit anywhere, a truncation, another document id and another key, with internal_error', () => {
    const id = newId();
    const sealed = sealDocument(fileKey, id, CONTENT);
    const refusals: Buffer[] = [];
    for (const at of [0, 4, 5, 17, 30, sealed.length - 1]) {
      const flipped = Buffer.from(sealed);
      flipped[at] = flipped[at]! ^ 0x01;
      refusals.push(flipped);
    }
    refusals.push(sealed.subarray(0, sealed.length - 1), sealed.subarray(0, 10), Buffer.alloc(0));
    for (const bad of refusals) {
      expect(() => openSealedDocument(fileKey, id, bad)).toThrow(expect.objectContaining({ code: 'internal_error' }));
    }
    expect(() => openSealedDocument(fileKey, newId(), sealed)).toThrow(expect.objectContaining({ code: 'internal_error' }));
    expect(() => openSealedDocument(deriveDocumentFileKey(randomBytes(32).toString('hex')), id, sealed)).toThrow(expect.objectContaining({ code: 'internal_error' }));
  });

  it('seals and opens an empty document', () => {
    const id = newId();
    expect(openSealedDocument(fileKey, id, sealDocument(fileKey, id, Buffer.alloc(0)))).toHaveLength(0);
  });
});
