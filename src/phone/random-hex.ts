/**
 * A random id of `bytes` random bytes, as hex (call ids, tab request ids, probe tokens).
 * `crypto.getRandomValues` works outside secure contexts too, unlike `crypto.randomUUID`.
 * @internal
 */
export function randomHex(bytes: number): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
}
