/** Decodes the base64 the core sends document content in. */

/** The bytes of a base64 string (the standard alphabet, with padding, as Node's Buffer writes it). */
export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) {
    bytes[i] = binary.charCodeAt(i);
  }
  return bytes;
}
