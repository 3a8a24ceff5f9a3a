// The CDN build's sip.js stand-ins (scripts/lib/rollup-outbound-only.mjs): sip.js bundled with the
// same plugin, run in Node with a stand-in transport. An incoming INVITE (vc-phone places calls
// only) is answered 486 Busy Here, as sip.js itself answers when no onInvite delegate is set, and
// the user agent carries on; the SUBSCRIBE client says it is not part of the build.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { outboundOnly } from '../../scripts/lib/rollup-outbound-only.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** sip.js bundled with or without the stand-ins: each built once (rollup of all of sip.js) and shared by both tests. */
const bundles = new Map();
function bundledSipJs(withStandIns) {
  if (!bundles.has(withStandIns)) bundles.set(withStandIns, bundle(withStandIns));
  return bundles.get(withStandIns);
}

async function bundle(withStandIns) {
  const entry = `export { UserAgent, UserAgentState, EmitterImpl, TransportState } from 'sip.js';`;
  const bundle = await rollup({
    input: 'entry',
    plugins: [
      ...(withStandIns ? [outboundOnly()] : []),
      { name: 'entry', resolveId: (id) => (id === 'entry' ? id : null), load: (id) => (id === 'entry' ? entry : null) },
      nodeResolve({ browser: true, rootDir: root }),
    ],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  const code = output[0].code;
  return { code, module: await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`) };
}

function incomingInvite() {
  return [
    'INVITE sip:agent@127.0.0.1;transport=ws SIP/2.0',
    'Via: SIP/2.0/WSS 127.0.0.1:5066;branch=z9hG4bK-outbound-only-1',
    'Max-Forwards: 69',
    'From: <sip:caller@127.0.0.1>;tag=caller-tag',
    'To: <sip:agent@127.0.0.1>',
    'Call-ID: outbound-only-test',
    'CSeq: 1 INVITE',
    'Contact: <sip:caller@127.0.0.1:5060>',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

async function userAgentReceiving(sip, message) {
  const sent = [];
  let transport;
  class Transport {
    protocol = 'WSS';
    state = sip.TransportState.Disconnected;
    stateChange = new sip.EmitterImpl();
    constructor() {
      transport = this;
    }
    async connect() {
      this.state = sip.TransportState.Connected;
      this.stateChange.emit(this.state);
      this.onConnect?.();
    }
    async disconnect() {}
    async dispose() {}
    isConnected() {
      return this.state === sip.TransportState.Connected;
    }
    async send(text) {
      sent.push(text);
    }
  }
  const ua = new sip.UserAgent({ uri: sip.UserAgent.makeURI('sip:agent@127.0.0.1'), transportConstructor: Transport, logLevel: 'error', logBuiltinEnabled: false });
  await ua.start();
  transport.onMessage(message);
  const deadline = Date.now() + 5000;
  while (!sent.some((text) => /^SIP\/2\.0 [2-6]\d\d/.test(text)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  return { ua, sent };
}

describe('CDN build: sip.js stand-ins for what an outbound phone never runs', () => {
  it('answers an incoming INVITE "486 Busy Here", as sip.js does without an onInvite delegate', async () => {
    for (const withStandIns of [false, true]) {
      const { module: sip } = await bundledSipJs(withStandIns);
      const { ua, sent } = await userAgentReceiving(sip, incomingInvite());
      const final = sent.find((text) => /^SIP\/2\.0 [2-6]\d\d/.test(text));
      assert.ok(final, `${withStandIns ? 'stand-ins' : 'real sip.js'}: no final response to the INVITE; sent: ${sent.join('\n---\n')}`);
      assert.match(final, /^SIP\/2\.0 486 Busy Here\r\n/, withStandIns ? 'stand-ins' : 'real sip.js');
      assert.match(final, /\r\nCall-ID: outbound-only-test\r\n/);
      assert.equal(ua.state, sip.UserAgentState.Started, 'the user agent carries on');
      await ua.stop();
    }
  });

  it('leaves the answering and subscribing code out of the bundle, and keeps what a call needs', async () => {
    const [real, lean] = await Promise.all([bundledSipJs(false), bundledSipJs(true)]);
    assert.ok(lean.code.length < real.code.length - 20000, `lean ${lean.code.length} vs real ${real.code.length} bytes`);
    assert.doesNotMatch(lean.code, /class SubscriptionDialog\b/);
    assert.match(lean.code, /SUBSCRIBE is not part of the vc-phone CDN build/);
    for (const kept of ['class Inviter', 'class ReInviteUserAgentServer', 'class ByeUserAgentServer', 'class DigestAuthentication']) assert.ok(lean.code.includes(kept), kept);
  });
});
