// Rollup plugin for the CDN build: sip.js's MD5 (`core/messages/md5.js`, a streaming hasher with
// raw-state and ASCII variants, ~2 KB gzip) replaced with a one-pass MD5 of the same result. sip.js
// uses it in one place only: digest authentication (`core/messages/digest-authentication.js`
// calls `Md5.hashStr(s)`, the hex MD5 of the string's UTF-8 bytes). Anything else (a raw result,
// the streaming API) throws, so a later sip.js that needs more fails loudly, never silently.
// test/package/small-md5.test.mjs compares it with Node's MD5 and sip.js's own; the e2e suite's
// digest-auth calls (test/e2e/phone.test.mjs "5b") run it against Kamailio.
export const SMALL_MD5 = `
const K = Array.from({ length: 64 }, (_, i) => (Math.abs(Math.sin(i + 1)) * 4294967296) | 0);
const S = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

function md5Hex(text) {
  const bytes = new TextEncoder().encode(text);
  const length = bytes.length;
  const words = new Int32Array((((length + 8) >>> 6) + 1) * 16);
  for (let i = 0; i < length; i++) words[i >> 2] |= bytes[i] << ((i % 4) * 8);
  words[length >> 2] |= 0x80 << ((length % 4) * 8);
  words[words.length - 2] = length * 8;
  words[words.length - 1] = Math.floor(length / 536870912);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
  for (let j = 0; j < words.length; j += 16) {
    let [a, b, c, d] = h;
    for (let i = 0; i < 64; i++) {
      const round = i >> 4;
      const f = round === 0 ? (b & c) | (~b & d) : round === 1 ? (d & b) | (~d & c) : round === 2 ? b ^ c ^ d : c ^ (b | ~d);
      const g = round === 0 ? i : round === 1 ? (5 * i + 1) % 16 : round === 2 ? (3 * i + 5) % 16 : (7 * i) % 16;
      const x = (a + f + K[i] + words[j + g]) | 0;
      const s = S[round * 4 + (i % 4)];
      a = d;
      d = c;
      c = b;
      b = (b + ((x << s) | (x >>> (32 - s)))) | 0;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + b) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
  }
  let hex = '';
  for (const word of h) for (let k = 0; k < 32; k += 8) hex += ((word >>> k) & 255).toString(16).padStart(2, '0');
  return hex;
}

export class Md5 {
  constructor() {
    throw new Error('The vc-phone CDN build has only Md5.hashStr (digest authentication).');
  }
  static hashStr(text, raw = false) {
    if (raw) throw new Error('The vc-phone CDN build has no raw MD5 (only the hex one digest authentication uses).');
    return md5Hex(text);
  }
}`;

const TARGET = 'sip.js/lib/core/messages/md5.js';
const ID = '\0vc-small-md5';

export function smallMd5() {
  return {
    name: 'vc-small-md5',
    async resolveId(source, importer, options) {
      if (!importer || !source.startsWith('.')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved && resolved.id.replaceAll('\\', '/').endsWith(`/node_modules/${TARGET}`) ? ID : null;
    },
    load(id) {
      return id === ID ? SMALL_MD5 : null;
    },
  };
}
