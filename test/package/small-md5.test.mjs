// The CDN build's MD5 for digest authentication (scripts/lib/rollup-small-md5.mjs) gives the same
// hex as Node's MD5 and as sip.js's own Md5.hashStr: empty, ASCII, UTF-8 (accents, CJK, emoji),
// every length across the 55/56/64-byte block edges, long strings, and random ones; anything but
// hashStr's hex result throws.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { Md5 as SipJsMd5 } from 'sip.js/lib/core/messages/md5.js';
import { SMALL_MD5 } from '../../scripts/lib/rollup-small-md5.mjs';

const { Md5 } = await import(`data:text/javascript;base64,${Buffer.from(SMALL_MD5).toString('base64')}`);
const nodeMd5 = (text) => createHash('md5').update(text, 'utf8').digest('hex');

/** A deterministic pseudo-random string of `length` code points from `alphabet`. */
function randomText(seed, length, alphabet) {
  let state = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += alphabet[state % alphabet.length];
  }
  return out;
}

describe('the CDN build MD5 (digest authentication)', () => {
  it('matches Node and sip.js on known and random inputs', () => {
    const alphabet = [...'abcXYZ019:@.-_ \'"éüßçñ中文字🙂\u0000\u007f\u00ff'];
    const inputs = ['', 'a', 'abc', 'message digest', 'vc-agent:127.0.0.1:e2e-Secret-42', 'INVITE:sip:+442079460958@127.0.0.1'];
    for (let length = 0; length <= 140; length++) inputs.push('x'.repeat(length), randomText(length + 1, length, alphabet));
    for (let seed = 1; seed <= 300; seed++) inputs.push(randomText(seed * 7919, (seed * 37) % 400, alphabet));
    inputs.push('p'.repeat(100_000));
    assert.equal(Md5.hashStr(''), 'd41d8cd98f00b204e9800998ecf8427e');
    assert.equal(Md5.hashStr('message digest'), 'f96b697d7cb7938d525a2f31aaf161d0');
    for (const text of inputs) {
      assert.equal(Md5.hashStr(text), nodeMd5(text), JSON.stringify(text.slice(0, 40)));
      assert.equal(Md5.hashStr(text), SipJsMd5.hashStr(text), JSON.stringify(text.slice(0, 40)));
    }
  });

  it('anything but the hex of hashStr fails loudly', () => {
    assert.throws(() => Md5.hashStr('a', true), /no raw MD5/);
    assert.throws(() => new Md5(), /only Md5.hashStr/);
  });
});
