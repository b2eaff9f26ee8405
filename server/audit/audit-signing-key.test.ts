import { describe, expect, it } from 'vitest';
import { openSignedNote, parseSignedNote, parseVerifierKey } from '../../domain/audit/signed-note.ts';
import { formatCheckpoint, parseCheckpoint } from '../../domain/audit/tlog-checkpoint.ts';
import { generateAuditSigningKeyText, parseAuditSigningKey } from './audit-signing-key.ts';
import { verifyEd25519 } from './ed25519.ts';
import { sha256 } from './sha256.ts';

// The example key and note of the Go reference implementation of signed notes (golang.org/x/mod/sumdb/note).
const GO_SKEY = 'PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz';
const GO_VKEY = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const GO_TEXT = 'If you think cryptography is the answer to your problem,\nthen you don\'t know what your problem is.\n';
const GO_SIGNED = `${GO_TEXT}\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n`;

describe('audit signing keys and signed notes', () => {
  it('reads the Go reference key and signs its example note byte for byte', () => {
    const key = parseAuditSigningKey(GO_SKEY);
    expect(key.verifierKeyText).toBe(GO_VKEY);
    expect(key.signNote(GO_TEXT)).toBe(GO_SIGNED);
    expect(openSignedNote(GO_SIGNED, parseVerifierKey(sha256, GO_VKEY)!, verifyEd25519)).toBe(GO_TEXT);
  });

  it('opens a signed checkpoint only with the key that signed it, and not once a byte of it changed', () => {
    const key = parseAuditSigningKey(generateAuditSigningKeyText('casebridge/audit'));
    const other = parseAuditSigningKey(generateAuditSigningKeyText('casebridge/audit'));
    const body = formatCheckpoint({ origin: 'casebridge/audit', size: 42, root: new Uint8Array(32).fill(7) });
    const note = key.signNote(body);
    expect(parseCheckpoint(openSignedNote(note, key.verifierKey, verifyEd25519)!)).toEqual({ origin: 'casebridge/audit', size: 42, root: new Uint8Array(32).fill(7) });
    expect(openSignedNote(note, other.verifierKey, verifyEd25519)).toBeUndefined();
    expect(openSignedNote(note.replace('\n42\n', '\n41\n'), key.verifierKey, verifyEd25519)).toBeUndefined();
    expect(parseSignedNote(`${body}\n`)).toBeUndefined();
  });

  it('refuses malformed key files and checkpoint bodies with a message that never shows the key', () => {
    expect(() => parseAuditSigningKey('PRIVATE+KEY+x+00000000+AAAA')).toThrow(/not an Ed25519 note key/);
    expect(() => parseAuditSigningKey(GO_SKEY.replace('c74f20a3', 'c74f20a4'))).toThrow(/key hash does not match/);
    expect(() => generateAuditSigningKeyText('has space')).toThrow(/cannot name a key/);
    for (const bad of ['o\n01\nAAAA\n', 'o\n1\nnot base64\n', 'o\n1\n', `o\n-1\n${'A'.repeat(43)}=\n`, `o\n1\n${'A'.repeat(43)}=`]) {
      expect(parseCheckpoint(bad)).toBeUndefined();
    }
  });
});
