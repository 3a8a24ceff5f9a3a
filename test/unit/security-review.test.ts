// The faults found by the security review of issue 8 (points 1-4 and 6-11), each through a real
// Phone over the real sip.js engine (stand-in transport): what is asserted is what would have left
// on the WebSocket. Each test failed on the code before its fix.
import { expect } from '@open-wc/testing';
import { PhoneInputError } from '../../src/phone/errors.js';
import type { Phone } from '../../src/phone/phone.js';
import { StatusWebhookOutbox, type WebhookDelivery } from '../../src/phone/status-webhook.js';
import { PhoneStore, memoryStorage } from '../../src/phone/store.js';
import type { CallOptions, CallSnapshot, PhoneConfig } from '../../src/phone/types.js';
import { StubTransport, response } from '../support/stub-sip.js';
import { ACCOUNT, headerLines, realSipPhone, resetTransports, sentInvites, sentMessages, until } from './real-sip-phone.js';

const NUMBER = '+44 20 7946 0958';

interface Refusal {
  error: PhoneInputError;
  events: Array<{ code: string; field: string; message: string }>;
}

/** Calls, expecting a refusal with an event and nothing sent. */
async function refusedCall(phone: Phone, to: unknown, options?: unknown): Promise<Refusal> {
  const events: Refusal['events'] = [];
  const listener = (event: Event) => events.push((event as CustomEvent).detail);
  phone.addEventListener('vc-input-error', listener);
  try {
    await phone.call(to as string, options as CallOptions);
  } catch (error) {
    expect(error, String(error)).to.be.instanceOf(PhoneInputError);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sentInvites(), 'nothing sent').to.deep.equal([]);
    expect(events).to.have.length(1);
    return { error: error as PhoneInputError, events };
  } finally {
    phone.removeEventListener('vc-input-error', listener);
  }
  throw new Error(`accepted ${JSON.stringify(to)} ${JSON.stringify(options)?.slice(0, 120)}`);
}

/** Calls, expecting the INVITE on the wire; returns it. */
async function placedInvite(phone: Phone, to: string, options?: CallOptions): Promise<string> {
  const before = sentInvites().length;
  const call = await phone.call(to, options);
  await until(() => sentInvites().length > before || call.isFinal, 'the INVITE');
  expect(call.state, JSON.stringify(call.outcome)).to.equal('dialing');
  return sentInvites()[before];
}

describe('security review (issue 8)', () => {
  let phones: Phone[];
  const phone = (config: PhoneConfig = ACCOUNT) => {
    const made = realSipPhone(config);
    phones.push(made);
    return made;
  };
  beforeEach(() => {
    phones = [];
    resetTransports();
  });
  afterEach(() => phones.forEach((p) => void p.dispose()));

  describe('1. credentials are never written raw into the Authorization header', () => {
    for (const username of ['agent\r\nX-Evil: 1', 'agent"x', 'agent\\', 'agent\u0000', 'agent\u0085']) {
      it(`refuses the SIP username ${JSON.stringify(username)} before anything is sent`, async () => {
        const { error } = await refusedCall(phone({ ...ACCOUNT, auth: { username, password: 'pw' } }), NUMBER);
        expect(error.code).to.equal('invalid-config');
        expect(error.field).to.equal('auth');
        expect(error.message).to.match(/username/);
      });
    }

    it('refuses line breaks and control characters in the password, but lets a quote through (it is only hashed)', async () => {
      for (const password of ['pw\r\nX: 1', 'pw\u0000', 'pw\u007f']) {
        const { error } = await refusedCall(phone({ ...ACCOUNT, auth: { username: 'agent', password } }), NUMBER);
        expect(error.code).to.equal('invalid-config');
        expect(error.message).to.match(/password/);
      }
      const quoted = phone({ ...ACCOUNT, auth: { username: 'agent', password: 'p"w\\d' } });
      const invite = await placedInvite(quoted, NUMBER);
      sentMessages().length = 0;
      const challenge = response(invite, '407 Proxy Authentication Required', {
        toTag: 'proxy',
        headers: ['Proxy-Authenticate: Digest realm="pbx.example.com", nonce="abc123", qop="auth"'],
      });
      StubTransport.current.receive(challenge);
      await until(() => sentInvites().length === 2, 'the INVITE with credentials');
      const authorization = headerLines(sentInvites()[1]).filter((line) => line.startsWith('Proxy-Authorization:'));
      expect(authorization).to.have.length(1);
      expect(authorization[0]).to.match(/^Proxy-Authorization: Digest [^\r\n]*username="agent", realm="pbx\.example\.com", /);
      expect(authorization[0]).not.to.contain('p"w');
    });

    it('refuses bad credentials in configure() and keeps the ones it had', async () => {
      const p = phone({ ...ACCOUNT, auth: { username: 'agent', password: 'pw' } });
      const events: string[] = [];
      p.addEventListener('vc-input-error', (event) => events.push(`${event.detail.code}/${event.detail.field}`));
      expect(() => p.configure({ auth: { username: 'a\r\nb', password: 'x' } })).to.throw(PhoneInputError, /username/);
      expect(events).to.deep.equal(['invalid-config/auth']);
      await placedInvite(p, NUMBER);
    });
  });

  describe('2. the total size of added headers is capped (4096 bytes)', () => {
    it('refuses a large context (the 18 kB INVITE) with words, and sends nothing', async () => {
      const context = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`Field${i}`, 'x'.repeat(900)]));
      const { error } = await refusedCall(phone(), NUMBER, { context });
      expect(error.code).to.equal('headers-too-large');
      expect(error.field).to.equal('context');
      expect(error.message).to.match(/4096 bytes/);
    });

    it('counts the encoded size: 1000 non-ASCII characters are 9000 bytes on the wire', async () => {
      const { error } = await refusedCall(phone(), NUMBER, { context: { Note: '€'.repeat(1000) } });
      expect(error.code).to.equal('headers-too-large');
    });

    it('still sends context just under the cap', async () => {
      const invite = await placedInvite(phone(), NUMBER, { context: { A: 'y'.repeat(1000), B: 'z'.repeat(1000), C: 'w'.repeat(1000) } });
      expect(headerLines(invite).filter((line) => line.startsWith('X-VC-'))).to.have.length(3);
    });
  });

  describe('3. a status webhook over http: only on this machine', () => {
    it('refuses http:// to another host (Basic credentials in clear)', async () => {
      const { error } = await refusedCall(phone(), NUMBER, { statusWebhook: { url: 'http://crm.example.com/hook', username: 'u', password: 'p' } });
      expect(error.code).to.equal('invalid-config');
      expect(error.field).to.equal('statusWebhook');
      expect(error.message).to.match(/https:\/\/crm\.example\.com/);
    });

    it('accepts http:// for localhost, 127.0.0.1 and [::1]', async () => {
      const p = phone();
      for (const url of ['http://localhost:8080/hook', 'http://127.0.0.1/hook', 'http://[::1]:9000/hook']) {
        await placedInvite(p, NUMBER, { statusWebhook: { url } });
      }
    });
  });

  describe('4. user parts are checked as sip.js will write them (decoded)', () => {
    const cases: Array<[string, RegExp]> = [
      ['sip:alice%3Asecret@example.com', /:/],
      ['sip:alice%3Fsubject=x@example.com', /\?/],
      ['sip:alice%40evil.com@example.com', /@/],
      ['sip:alice%FF@example.com', /%-escape|not valid/],
      ['sip:alice%E2%82@example.com', /%-escape|not valid/],
    ];
    for (const [to, shown] of cases) {
      it(`refuses ${to} as the number dialled`, async () => {
        const { error } = await refusedCall(phone(), to);
        expect(error.code).to.equal('invalid-sip-uri');
        expect(error.field).to.equal('to');
        expect(error.message).to.match(shown);
      });
    }

    it('refuses a malformed calling identity with an event, instead of a call stuck in "Dialing"', async () => {
      const { error } = await refusedCall(phone(), NUMBER, { from: 'sip:agent%FF@pbx.example.com' });
      expect(error.code).to.equal('invalid-identity');
      expect(error.field).to.equal('from');
    });

    it('keeps a user part that is safe once decoded, as sip.js writes it', async () => {
      const invite = await placedInvite(phone(), 'sip:j%C3%BCrgen@example.com');
      expect(invite.split('\r\n')[0]).to.equal('INVITE sip:j%C3%BCrgen@example.com SIP/2.0');
    });
  });

  describe('6. finished calls kept: capped, oldest finished dropped first', () => {
    const finished = (i: number): CallSnapshot => ({
      id: `c${i}`,
      target: { kind: 'number', display: `+44 20 7946 ${String(i).padStart(4, '0')}`, uri: 'sip:+442079460000@x' },
      state: 'ended',
      muted: false,
      startedAt: 1_000 + i,
      endedAt: 2_000 + i,
      durationMs: 0,
      outcome: { endedBy: 'remote', reason: 'hangup', message: 'Call ended.' },
    });
    const storageWith = (count: number) => {
      const storage = memoryStorage();
      // Newest first, as the phone keeps them.
      new PhoneStore('default', storage).save({ calls: Array.from({ length: count }, (_, i) => finished(count - 1 - i)), prefs: { confirmClose: true }, outbox: [] });
      return storage;
    };

    it('keeps at most 100 finished calls by default (5000 stored ones do not freeze the page)', () => {
      const p = realSipPhone(ACCOUNT, storageWith(5000));
      phones.push(p);
      expect(p.calls).to.have.length(100);
      expect(p.calls[0].id).to.equal('c4999');
      expect(p.calls.at(-1)?.id).to.equal('c4900');
    });

    it('takes its cap from maxFinishedCalls, and drops the oldest finished one when a call ends', async () => {
      const p = realSipPhone({ ...ACCOUNT, maxFinishedCalls: 3 }, storageWith(10));
      phones.push(p);
      expect(p.calls.map((c) => c.id)).to.deep.equal(['c9', 'c8', 'c7']);
      const live = await p.call(NUMBER);
      await until(() => sentInvites().length === 1, 'the INVITE');
      expect(p.calls).to.have.length(4);
      StubTransport.current.receive(response(sentInvites()[0], '486 Busy Here', { toTag: 'far' }));
      await until(() => live.isFinal, 'the end of the call');
      await until(() => p.calls.length === 3, 'the cap');
      expect(p.calls.map((c) => c.id)).to.deep.equal([live.id, 'c9', 'c8']);
      p.configure({ maxFinishedCalls: 1 });
      expect(p.calls.map((c) => c.id)).to.deep.equal([live.id]);
      expect(() => p.configure({ maxFinishedCalls: -1 })).to.throw(PhoneInputError);
    });
  });

  describe('7. stored shapes are checked', () => {
    const call: CallSnapshot = {
      id: 'c1',
      target: { kind: 'number', display: '+44 20 7946 0958', uri: 'sip:+442079460958@x' },
      state: 'ended',
      muted: false,
      startedAt: 1,
      durationMs: 0,
    };
    const delivery = (changes: Record<string, unknown>): WebhookDelivery =>
      ({
        id: 'e1',
        url: 'https://crm.example.com/hook',
        attempts: 0,
        dueAt: 0,
        payload: { id: 'e1', type: 'vc-call-ended', callId: 'c1', sequence: 1, timestamp: new Date().toISOString(), call },
        ...changes,
      });

    it('drops stored outbox entries with a non-numeric dueAt or attempts, and calls whose outcome words are not text', () => {
      const storage = memoryStorage();
      const raw = {
        version: 1,
        savedAt: 1,
        prefs: {},
        calls: [call, { ...call, id: 'c2', outcome: { endedBy: 'remote', reason: 'busy', message: 123 } }, { ...call, id: 'c3', durationMs: 'long' }],
        outbox: [delivery({}), delivery({ id: 'e2', dueAt: 'soon' }), delivery({ id: 'e3', attempts: 'x' }), delivery({ id: 'e4', payload: { callId: 'c1' } })],
      };
      storage.setItem('vc-phone:v1:default', JSON.stringify(raw));
      const state = new PhoneStore('default', storage).load();
      expect(state.calls.map((c) => c.id)).to.deep.equal(['c1']);
      expect(state.outbox.map((d) => d.id)).to.deep.equal(['e1']);
    });

    it('delivers (instead of spinning on) a restored delivery whose due time is not a number', async () => {
      const sent: string[] = [];
      let timers = 0;
      const outbox = new StatusWebhookOutbox([delivery({ dueAt: Number.NaN })], {
        persist: () => timers++,
        fetch: (async (_url: string, init: RequestInit) => {
          sent.push(JSON.parse(init.body as string).id);
          return new Response(null, { status: 204 });
        }) as typeof fetch,
      });
      outbox.register({ url: 'https://crm.example.com/hook' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      outbox.dispose();
      expect(sent).to.deep.equal(['e1']);
    });
  });

  describe('8. secrets never serialise', () => {
    it('JSON.stringify of the phone and of every call shows no password, after calls were placed', async () => {
      const p = phone({
        ...ACCOUNT,
        auth: { username: 'agent', password: 'sip-secret-1' },
        statusWebhook: { url: 'https://crm.example.com/hook', username: 'crm', password: 'hook-secret-2' },
        defaults: { statusWebhook: { url: 'https://crm.example.com/other', password: 'hook-secret-3' } },
      });
      await placedInvite(p, NUMBER, { statusWebhook: { url: 'https://crm.example.com/call', password: 'hook-secret-4' } });
      await placedInvite(p, NUMBER);
      const texts = [JSON.stringify(p), JSON.stringify(p.config), ...p.calls.map((call) => JSON.stringify(call))];
      for (const text of texts) {
        for (const secret of ['sip-secret-1', 'hook-secret-2', 'hook-secret-3', 'hook-secret-4']) expect(text).not.to.contain(secret);
      }
    });
  });

  describe('9. wrong JavaScript types are refused with words, not a TypeError', () => {
    const cases: Array<[string, unknown, unknown, string, string]> = [
      ['call(null)', null, undefined, 'wrong-type', 'to'],
      ['call(42)', 42, undefined, 'wrong-type', 'to'],
      ['call({})', {}, undefined, 'wrong-type', 'to'],
      ['route: 42', NUMBER, { route: 42 }, 'wrong-type', 'route'],
      ['color: 123', NUMBER, { color: 123 }, 'wrong-type', 'color'],
      ['statusWebhook: {url: 123}', NUMBER, { statusWebhook: { url: 123 } }, 'wrong-type', 'statusWebhook'],
      ['context: {v: undefined}', NUMBER, { context: { v: undefined } }, 'wrong-type', 'context'],
      ["context: 'abc'", NUMBER, { context: 'abc' }, 'wrong-type', 'context'],
      ['options: 7', NUMBER, 7, 'wrong-type', 'options'],
    ];
    for (const [name, to, options, code, field] of cases) {
      it(`refuses ${name}`, async () => {
        const { error } = await refusedCall(phone(), to, options);
        expect([error.code, error.field]).to.deep.equal([code, field]);
        expect(error.message).not.to.match(/is not a function|Cannot read|reading/);
      });
    }
  });

  describe('10. escaped control characters, bidi overrides and impossible hosts', () => {
    const cases: Array<[string, CallOptions | undefined, string]> = [
      ['sip:alice%00@example.com', undefined, 'invalid-sip-uri'],
      ['sip:alice%0d%0aVia:x@example.com', undefined, 'invalid-sip-uri'],
      ['sip:alice@example.com;tag=%0d%0a', undefined, 'invalid-sip-uri'],
      ['sip:alice@example.com;x=%00', undefined, 'invalid-sip-uri'],
      ['sip:alice@999.999.999.999', undefined, 'invalid-sip-uri'],
      ['sip:alice@[:::::::::]', undefined, 'invalid-sip-uri'],
      ['sip:alice@1.2.3', undefined, 'invalid-sip-uri'],
      [NUMBER, { from: { displayName: 'Support \u202Eevil' } }, 'control-characters'],
      [NUMBER, { from: { displayName: 'Support \u2066x\u2069' } }, 'control-characters'],
    ];
    for (const [to, options, code] of cases) {
      it(`refuses ${JSON.stringify(to)} ${options ? JSON.stringify(options) : ''}`, async () => {
        const { error } = await refusedCall(phone(), to, options);
        expect(error.code).to.equal(code);
      });
    }
  });

  describe('11. a refused configure() changes nothing', () => {
    it('refuses a bad status webhook at once, keeps the old one, and later calls still go out', async () => {
      const p = phone({ ...ACCOUNT, statusWebhook: { url: 'https://crm.example.com/hook' } });
      const events: string[] = [];
      p.addEventListener('vc-input-error', (event) => events.push(`${event.detail.code}/${event.detail.field}`));
      for (const statusWebhook of [{ url: 'ftp://crm.example.com' }, { url: 'http://crm.example.com/hook' }, { url: 'not a url' }]) {
        expect(() => p.configure({ statusWebhook })).to.throw(PhoneInputError);
      }
      expect(events).to.deep.equal(['invalid-config/statusWebhook', 'invalid-config/statusWebhook', 'invalid-config/statusWebhook']);
      expect(p.config.statusWebhook?.url).to.equal('https://crm.example.com/hook');
      await placedInvite(p, NUMBER);
    });
  });
});
