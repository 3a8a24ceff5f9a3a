// The CDN build's cut-down SIP parser (scripts/lib/slim-grammar.mjs, put in place by
// rollup-slim-grammar.mjs) against sip.js's own, side by side: for every kept start rule and every
// input (header values and first lines the e2e suite's far ends really sent, in
// sip-grammar-corpus.json; hand-written odd-but-valid and invalid ones; and, for each input the rule
// accepts, deterministic mutations of it: the edge of what the rule accepts) the result sip.js's Grammar.parse would return (options.data, or -1 on any throw)
// deep-equals the original's, URI and NameAddrHeader instances included. A rule that is not kept
// gives -1, as for a header sip.js cannot parse. The plugin fails a build whose code asks for a
// rule it does not keep.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import * as original from 'sip.js/lib/grammar/pegjs/dist/grammar.js';
import { Parser as OriginalParser } from 'sip.js/lib/core/messages/parser.js';
import { KEPT_START_RULES, slimGrammar } from '../../scripts/lib/slim-grammar.mjs';
import { slimGrammarPlugin, startRulesUsedBy } from '../../scripts/lib/rollup-slim-grammar.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const grammarUrl = import.meta.resolve('sip.js/lib/grammar/pegjs/dist/grammar.js');
const originalCode = fs.readFileSync(fileURLToPath(grammarUrl), 'utf8');
const ALL_START_RULES = [...originalCode.match(/peg\$startRuleIndices = \{([^}]*)\}/)[1].matchAll(/(\w+):/g)].map((m) => m[1]);

/** A grammar module's code, loaded from a temporary file that imports sip.js's own URI and NameAddrHeader. */
async function load(code) {
  const absolute = code
    .replace('"../../name-addr-header.js"', JSON.stringify(new URL('../../name-addr-header.js', grammarUrl).href))
    .replace('"../../uri.js"', JSON.stringify(new URL('../../uri.js', grammarUrl).href));
  assert.notEqual(absolute, code);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'vc-slim-grammar-')), 'grammar.mjs');
  fs.writeFileSync(file, absolute);
  return import(pathToFileURL(file).href);
}
const slim = await load(slimGrammar(originalCode).code);

/** What sip.js's Grammar.parse returns (core of grammar/grammar.js), plus peg's own return value. */
function grammarParse(parser, input, startRule) {
  const options = { startRule };
  let returned;
  try {
    returned = parser.parse(input, options);
  } catch {
    options.data = -1;
    returned = 'threw';
  }
  return { data: options.data, returned };
}

const corpus = JSON.parse(fs.readFileSync(path.join(here, 'sip-grammar-corpus.json'), 'utf8'));
const HAND_WRITTEN = [
  // first lines
  'INVITE sip:bob@biloxi.com SIP/2.0', 'SIP/2.0 180 Ringing', 'SIP/2.0 200', 'SIP/2.0 200 ', 'SIP/2.0 486 Busy Here',
  'SIP/2.0 404 Nicht gefunden – ünïcode', 'FOO-BAR sip:a@b SIP/2.0', 'sip/2.0 200 OK', 'SIP/2.0 99 Low', 'SIP/2.0 2000 OK',
  'INVITE sip:a@b SIP/3.0', 'SIP/2.0 200 OK\r\n', 'OPTIONS * SIP/2.0', 'INVITE tel:+15551234 SIP/2.0', 'INVITE  sip:a@b SIP/2.0',
  'SIP/2.0 503 Service Unavailable (overload; retry)', 'REGISTER sips:[2001:db8::1]:5061 SIP/2.0', 'SIP/2.0 603 Decline\tnow',
  // Via
  'SIP/2.0/WSS [2001:db8::1]:5061;branch=z9hG4bK776asdhds;received=2001:db8::9;rport',
  'SIP/2.0/UDP 192.0.2.1:5060 ; branch=z9hG4bKnashds8 ; ttl=16 ; maddr=224.2.0.1', 'SIP/2.0/TCP example.com;branch=z9hG4bK-1;x-custom="quoted"',
  'SIP/2.0/WS df7jal23ls0d.invalid;rport=5060;received=192.0.2.33;branch=z9hG4bK1;alias', 'SIP / 2.0 / UDP host.example.com:5060;branch=z9',
  'SIP/2.0/UDP 192.0.2.1:5060;rport=;branch=z9', 'SIP/2.0 192.0.2.1', 'SIP/3.0/UDP host', 'SIP/2.0/UDP 300.1.1.1;branch=z', 'SIP/2.0/UDP h:99999',
  // From / To / Name_Addr_Header / Referred-By
  '"Bob \\"The Builder\\" Smith" <sip:bob@[2001:db8::10]:5070;transport=tcp>;tag=a6c85cf', 'sip:alice@example.com;tag=1928301774',
  'Anonymous <sip:anonymous@anonymous.invalid>;tag=x', '<sips:+1-212-555-1212@gw.example.com;user=phone>', '"José Müller" <sip:jose@example.com>',
  'tel:+15551234', '<tel:+1-555-1234;phone-context=example.com>', '<sip:a@b>;tag=1;tag=2', '"" <sip:a@b>', '"\\\\" <sip:a@b>',
  'Lee M. Foote <sips:lee.foote@example.com>', '<sip:a@b>;Tag=AbC;X=1;flag', '<sip:bob@example.com', '"unterminated <sip:a@b>',
  '<sip:a%20b@example.com>', '<sip:user:pass@host>', 'sip:a@b;tag=1?x=y',
  // Contact
  '*', '<sip:a@192.0.2.4>;expires=3600;q=0.7, "Mr. Watson" <mailto:watson@bell-telephone.com>;q=0.1',
  '<sip:u@[::1]:5060;transport=ws;ob>;+sip.instance="<urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6>";reg-id=1',
  '<sip:a@b>;expires=abc', '<sip:a@b>;q=1.5', '<sip:a@b>, ', '<sip:a@b>,<sip:c@d>;q=0', 'sip:a@b, sip:c@d', '<sip:a@b>;pub-gruu="sip:x@y;gr=urn:uuid:1"',
  // Record-Route
  '<sip:p1.example.com;lr>, <sip:p2.example.com;lr;ftag=x>', '<sip:[2001:db8::1]:5060;lr>', '<sip:p1;lr>,', 'sip:p1.example.com;lr',
  // Call-ID, lengths, types, CSeq, Max-Forwards
  'f81d4fae-7dec-11d0-a765-00a0c91e6bf6@foo.bar.com', 'a84b4c76e66710@pc33.atlanta.com', 'has space', '', ' ', 'a@b@c',
  '0', '  12', '00012', 'abc', '-1', '70', '255', '4711 INVITE', '1 FOO', '99999999999 ACK', 'INVITE 1', '1  INVITE', '1 invite',
  'application/sdp', 'multipart/mixed; boundary="abc def"', 'text/plain;charset=UTF-8', '/sdp', 'application/', 'message/sipfrag;version=2.0',
  // challenges
  'Digest realm="atlanta.com", domain="sip:boxesbybob.com", qop="auth,auth-int", nonce="f84f1cec41e6cbe5aea9c8e88d359", opaque="", stale=FALSE, algorithm=MD5',
  'Digest realm="x", nonce="y", algorithm=SHA-256, stale=true', 'Digest realm="x",nonce="y",qop="auth",x-ext=token', 'Basic realm="x"',
  'Digest realm="a\\"b", nonce="n"', 'Digest nonce="n"', 'digest REALM="x", NONCE="y", QOP="AUTH"', 'Digest realm="x", nonce="y", algorithm=MD5-sess, opaque="o", foo="bar"',
  'Digest realm=x, nonce="y"', 'Digest', 'Digest realm="x", nonce="y", stale=maybe',
  // Refer-To, Replaces, Event, Content-Disposition, uuid
  '<sip:bob@example.com?Replaces=12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994>', 'sip:carol@example.com',
  '"Carol" <sip:carol@[2001:db8::5];transport=tls?Replaces=a%3Bto-tag%3Db%3Bfrom-tag%3Dc&Accept-Contact=x>;method=INVITE',
  '<sip:a@b?Replaces=x;to-tag=y>', '<sip:a@b>;tag=1', '12345@192.168.118.3;to-tag=12345;from-tag=54321;early-only', 'a;from-tag=b',
  'abc;to-tag=1;from-tag=2;x=y', 'abc;from-tag=2;to-tag=1', 'refer', 'refer;id=93809824', 'presence.winfo', 'dialog;call-id=x;from-tag=y', 'Refer',
  'session', 'render;handling=optional', 'attachment; filename="a b.txt"', 'icon;handling=required;x', 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
  'F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6', 'f81d4fae7dec11d0a76500a0c91e6bf6', 'f81d4fae-7dec-11d0-a765-00a0c91e6bf',
  // URIs
  'sip:alice:secret@atlanta.com;transport=tcp', 'sips:bob@[2001:db8::1]:5061', 'sip:+1-212-555-1212:1234@gateway.com;user=phone', 'sip:alice@192.0.2.4',
  'sip:atlanta.com;method=REGISTER?to=alice%40atlanta.com', 'sip:alice;day=tuesday@atlanta.com', 'sip:%61lice@atlanta.com;maddr=239.255.255.1;ttl=15',
  'sip:a@b?h1=v1&h1=v2&h2=', 'sip:a@b:99999', 'sip:a@::1', 'sip:a b@c', 'SIP:Alice@Example.COM;TRANSPORT=WS;LR', 'sip:a@b;ttl=256', 'sip:%zz@b',
  'sip:a@[::ffff:192.0.2.1]:0', 'sip:a@[fe80::1%25eth0]', 'sip:a@xn--bcher-kva.example', 'sip:a@-bad-.example', 'sip:a@b.', 'sip:@b', 'sip:a@',
  'wss://127.0.0.1:5067', 'ws://[::1]:5066/path?x=1', 'wss://sip.example.com', 'http://x', 'notaurl', 'wss://', 'ws://h:5066/a/b;c?d#e',
];

/** Deterministic variants of `text`: characters cut, doubled, swapped for SIP punctuation. */
function mutations(text, seed) {
  const out = [];
  const specials = ['"', '<', '>', ';', ',', ':', '@', '[', ']', '%', '=', ' ', '\\', '?', '&', '/', 'é', '\t'];
  let state = seed;
  const next = (n) => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state % n;
  };
  for (let k = 0; k < 6 && text.length > 0; k++) {
    const at = next(text.length);
    const kind = next(3);
    if (kind === 0) out.push(text.slice(0, at) + text.slice(at + 1));
    else if (kind === 1) out.push(text.slice(0, at) + text[at] + text.slice(at));
    else out.push(text.slice(0, at) + specials[next(specials.length)] + text.slice(at + 1));
  }
  return out;
}

/**
 * `got` and `want` (objects of two copies of sip.js's classes) hold the same values: same own keys,
 * same class names, primitives identical (Object.is).
 */
function assertSameShape(got, want, where, path = '') {
  if (Object.is(got, want)) return;
  const describe = (v) => (typeof v === 'object' && v ? v.constructor?.name : JSON.stringify(v) ?? String(v));
  if (typeof got !== 'object' || typeof want !== 'object' || !got || !want || got.constructor?.name !== want.constructor?.name) {
    assert.fail(`${path || 'value'}: ${describe(got)} instead of ${describe(want)}\n${where}`);
  }
  if (got instanceof Map || got instanceof Set) return assertSameShape([...got], [...want], where, path);
  for (const key of new Set([...Object.keys(got), ...Object.keys(want)])) assertSameShape(got[key], want[key], where, `${path}.${key}`);
}

/** `entry` bundled with the plugin (as the CDN build does, without minifying): its code. */
async function build(entry) {
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      slimGrammarPlugin(),
      { name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? entry : null) },
      nodeResolve({ browser: true, rootDir: root }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return output[0].code;
}
const bundled = async (entry) => import(`data:text/javascript;base64,${Buffer.from(await build(entry)).toString('base64')}`);

const base = [...new Set([...corpus.firstLines, ...Object.values(corpus.headers).flat(), ...HAND_WRITTEN])];

describe('the CDN build SIP parser (sip.js grammar cut to the rules the bundle uses)', () => {
  it('gives what sip.js gives, for every kept rule and every input', () => {
    let compared = 0;
    const compare = (rule, input) => {
      const want = grammarParse(original, input, rule);
      const got = grammarParse(slim, input, rule);
      assert.deepStrictEqual(got, want, `${rule}: ${JSON.stringify(input)}`);
      compared++;
      return want.data !== -1;
    };
    for (const rule of KEPT_START_RULES) {
      let parsed = 0;
      base.forEach((input, i) => {
        if (!compare(rule, input)) return;
        parsed++;
        // Near the edge of what the rule accepts: its accepted inputs, cut, doubled or punctuated.
        for (const variant of mutations(input, i + 1)) compare(rule, variant);
      });
      // Each rule met input it accepts, not only input it refuses.
      assert.ok(parsed >= 2, `${rule}: only ${parsed} inputs parsed`);
    }
    assert.ok(compared > 15_000, `${compared} comparisons`);
  });

  it('every rule it leaves out gives -1, as a header sip.js cannot parse does', () => {
    const dropped = ALL_START_RULES.filter((rule) => !KEPT_START_RULES.includes(rule));
    assert.ok(dropped.length > 0);
    for (const rule of [...dropped, 'Not_A_Rule']) {
      for (const input of ['active;expires=60', '100rel, timer', 'terminated', '"x"', 'example.com']) assert.equal(grammarParse(slim, input, rule).data, -1, rule);
    }
    assert.notEqual(grammarParse(original, 'active;expires=60', 'Subscription_State').data, -1);
  });

  it('is smaller, and refuses a grammar it was not written for', () => {
    const { code, stats } = slimGrammar(originalCode);
    assert.ok(code.length < originalCode.length * 0.75, `${code.length} of ${originalCode.length}`);
    assert.ok(stats.rules[0] < stats.rules[1] && stats.consts[0] < stats.consts[1]);
    assert.throws(() => slimGrammar(originalCode.replace('case 27:', 'case 30:')), /bytecode interpreter changed/);
    assert.throws(() => slimGrammar(originalCode, [...KEPT_START_RULES, 'Nope']), /no start rule "Nope"/);
    assert.throws(() => slimGrammar(originalCode.replace(/peg\$decode\("[^"]*"\)/, 'peg$decode(x)')), /is not peg\$decode/);
  });

  it('tells which rules code asks for', () => {
    const { rules, unknown } = startRulesUsedBy(
      'm.parseHeader("www-authenticate"); m.s(\'call-id\'); Grammar.parse(v, "Request_Response"); Grammar$1.parse(x, "uuid"); m.parseHeader(name); Grammar.parse(a, b);',
    );
    assert.deepEqual([...rules].sort(), ['Call_ID', 'Request_Response', 'WWW_Authenticate', 'uuid']);
    assert.equal(unknown.length, 2);
  });

  it("whole SIP messages come out of sip.js's message parser, bundled with the plugin, as they do from sip.js's own", async () => {
    const { Parser } = await bundled(`export { Parser } from 'sip.js/lib/core/messages/parser.js';`);
    const h = corpus.headers;
    const at = (name, i) => h[name][i % h[name].length];
    const logger = { log() {}, debug() {}, warn() {}, error() {} };
    const lines = [...corpus.firstLines, ...HAND_WRITTEN.slice(0, 18)];
    let parsed = 0;
    for (let i = 0; i < lines.length * 3; i++) {
      const headers = [
        `${i % 2 ? 'v' : 'Via'}: ${at('via', i)}`, `Via: ${at('via', i + 1)}`, `${i % 3 ? 'From' : 'f'}: ${at('from', i)}`,
        `${i % 3 ? 'To' : 't'}: ${at('to', i)}`, `Call-ID: ${at('call-id', i)}`, `CSeq: ${at('cseq', i)}`, `Max-Forwards: ${at('max-forwards', i)}`,
        `${i % 2 ? 'Contact' : 'm'}: ${at('contact', i)}`, `Record-Route: ${at('record-route', i)}`, `Record-Route: ${at('record-route', i + 3)}, ${at('record-route', i + 5)}`,
        `Content-Type: ${at('content-type', i)}`, `Event: ${at('event', i)}`, `Subscription-State: ${at('subscription-state', i)}`,
        `Supported: ${at('supported', i)}`, `Refer-To: ${at('refer-to', i)}`, `Proxy-Authenticate: ${at('proxy-authenticate', i)}`,
        `WWW-Authenticate: ${HAND_WRITTEN[HAND_WRITTEN.indexOf('Basic realm="x"') + (i % 8) - 4]}`, `P-Asserted-Identity: ${at('p-asserted-identity', i)}`,
      ];
      // now and then, one header made odd (mutated) or left out
      const odd = i % headers.length;
      if (i % 4 === 1) headers[odd] = mutations(headers[odd], i)[0];
      if (i % 4 === 3) headers.splice(odd, 1);
      const body = i % 5 ? '' : 'v=0\r\n';
      const data = `${lines[i % lines.length]}\r\n${headers.join('\r\n')}\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
      const want = OriginalParser.parseMessage(data, logger);
      const got = Parser.parseMessage(data, logger);
      assertSameShape(got, want, data);
      if (!want) continue;
      parsed++;
      for (const name of ['Content-Type', 'Event', 'Refer-To', 'Proxy-Authenticate', 'WWW-Authenticate', 'Contact', 'Record-Route', 'Via']) {
        for (let idx = 0; idx < 3; idx++) assertSameShape(got.parseHeader(name, idx), want.parseHeader(name, idx), `${name} ${idx}\n${data}`);
      }
      assertSameShape(got.headers, want.headers, data);
    }
    assert.ok(parsed > lines.length, `${parsed} messages parsed`);
  });

  it('the build plugin fails a bundle that asks for a rule it leaves out, and passes one that does not', async () => {
    const grammar = `import { Grammar } from 'sip.js/lib/grammar/grammar.js';`;
    const code = await build(`${grammar} export { Grammar }; export const contact = (m) => m.parseHeader('contact');`);
    assert.ok(code.includes('peg$parse') && !code.includes('describeExpectation'), 'error text left out');
    const { Grammar } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
    assert.equal(Grammar.URIParse('sip:alice@example.com;transport=ws').host, 'example.com');
    assert.equal(Grammar.parse('<sip:a@b>;q=0.5', 'Contact')[0].parsed.getParam('q'), '0.5');
    assert.equal(Grammar.parse('100rel', 'Supported'), -1);
    await assert.rejects(build(`${grammar} export const f = (m) => m.parseHeader('Subscription-State');`), /rule "Subscription_State"/);
    await assert.rejects(build(`${grammar} export const f = (m, n) => m.parseHeader(n);`), /cannot tell which SIP parser rule/);
    await assert.rejects(build(`export { parse } from 'sip.js/lib/grammar/pegjs/dist/grammar.js';`), /imports sip\.js's parser directly/);
  });
});
