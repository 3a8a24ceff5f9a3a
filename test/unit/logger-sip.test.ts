// The logger hook over the real sip.js engine (stand-in WebSocket): sip.js's own lines go to the
// page's logger (not the console), at the level asked, and no secret ever reaches it.
import { expect } from '@open-wc/testing';
import type { PhoneLogger } from '../../src/phone/types.js';
import { StubTransport, response } from '../support/stub-sip.js';
import { ACCOUNT, realSipPhone, resetTransports, sentInvites, until } from './real-sip-phone.js';

const PASSWORD = 'Tr0ub4dor&3-secret';
const HOOK_PASSWORD = 'hook-pw-98765';
const TURN_CREDENTIAL = 'turn-cred-4242';

function captureConsole() {
  const written: string[] = [];
  const originals = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
  for (const name of Object.keys(originals) as (keyof typeof originals)[]) console[name] = (...args: unknown[]) => void written.push(args.map(String).join(' '));
  return { written, restore: () => Object.assign(console, originals) };
}

describe('logger hook with sip.js', () => {
  beforeEach(() => resetTransports());

  it('routes sip.js debug output to the logger, never to the console, and never with a secret', async () => {
    const lines: string[] = [];
    const logger: PhoneLogger = (level, message) => void lines.push(`${level} ${message}`);
    const output = captureConsole();
    try {
      const phone = realSipPhone({
        ...ACCOUNT,
        auth: { username: 'agent', password: PASSWORD },
        statusWebhook: { url: 'https://crm.example.com/hook', username: 'crm', password: HOOK_PASSWORD },
        iceServers: [{ urls: 'turn:turn.example.com:3478', username: 'u', credential: TURN_CREDENTIAL }],
        logLevel: 'debug',
        logger,
      });
      const call = await phone.call('+44 20 7946 0958');
      await until(() => sentInvites().length === 1, 'the INVITE');
      const challenge = ['Proxy-Authenticate: Digest realm="pbx.example.com", nonce="n1", algorithm=MD5, qop="auth"'];
      StubTransport.current.receive(response(sentInvites()[0], '407 Proxy Authentication Required', { toTag: 'p1', headers: challenge }));
      await until(() => sentInvites().length === 2, 'the INVITE with credentials');
      expect(sentInvites()[1]).to.contain('Proxy-Authorization: Digest');
      StubTransport.current.receive(response(sentInvites()[1], '486 Busy Here', { toTag: 'p2' }));
      await until(() => call.isFinal, 'the call ended');
      phone.log('debug', `config ${JSON.stringify({ password: PASSWORD })} and ${HOOK_PASSWORD}`);
      await phone.dispose();
    } finally {
      output.restore();
    }
    expect(lines.some((line) => line.includes('[sip.'))).to.equal(true, 'sip.js lines reach the logger');
    expect(lines.length).to.be.greaterThan(20, 'sip.js debug output');
    const everything = lines.join('\n');
    for (const secret of [PASSWORD, HOOK_PASSWORD, TURN_CREDENTIAL, 'response="', 'cnonce=']) expect(everything).not.to.contain(secret);
    expect(output.written.filter((line) => line.includes('vc-phone') || line.includes('sip.'))).to.deep.equal([]);
  });

  it('with logLevel off, sip.js writes nothing anywhere', async () => {
    const lines: string[] = [];
    const output = captureConsole();
    try {
      const phone = realSipPhone({ ...ACCOUNT, logLevel: 'off', logger: (_level, message) => void lines.push(message) });
      const call = await phone.call('+44 20 7946 0958');
      await until(() => sentInvites().length === 1, 'the INVITE');
      StubTransport.current.receive(response(sentInvites()[0], '500 Server Error', { toTag: 'p1' }));
      await until(() => call.isFinal, 'the call ended');
      await phone.dispose();
    } finally {
      output.restore();
    }
    expect(lines).to.deep.equal([]);
    expect(output.written.filter((line) => line.includes('vc-phone') || line.includes('sip.'))).to.deep.equal([]);
  });
});

describe('caller ID on the wire (real sip.js)', () => {
  beforeEach(() => resetTransports());

  it('withholds the number: anonymous From and Privacy: id, no P-Asserted-Identity', async () => {
    const phone = realSipPhone({ ...ACCOUNT, fromNumbers: ['+44 20 7183 8750'], allowAnonymous: true });
    const call = await phone.call('+44 20 7946 0958', { from: 'anonymous' });
    await until(() => sentInvites().length === 1, 'the INVITE');
    const invite = sentInvites()[0];
    expect(invite).to.match(/\r\nFrom: "Anonymous" <sip:anonymous@anonymous\.invalid>;tag=/);
    expect(invite).to.contain('\r\nPrivacy: id\r\n');
    expect(invite).not.to.contain('P-Asserted-Identity');
    // Neither the number nor its digits alone (random branch and tag values may hold any 4 digits, not all 10).
    expect(invite.replace(/\s/g, '')).not.to.match(/2071838750/);
    call.hangup();
    await phone.dispose();
  });

  it('sends the caller ID picked from the list', async () => {
    const phone = realSipPhone({ ...ACCOUNT, fromNumbers: ['+44 20 7183 8750', '+1 415 555 0100'] });
    await phone.call('+44 20 7946 0958', { from: '+1 415 555 0100' });
    await until(() => sentInvites().length === 1, 'the INVITE');
    expect(sentInvites()[0]).to.match(/\r\nFrom: <sip:\+14155550100@pbx\.example\.com;user=phone>;tag=/);
    expect(sentInvites()[0]).to.contain('\r\nP-Asserted-Identity: <sip:+14155550100@pbx.example.com;user=phone>');
    await phone.dispose();
  });
});
